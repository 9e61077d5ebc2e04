/**
 * Cuts a person's text to at most `max` characters as a reader counts them (grapheme clusters):
 * never between a letter and its accent (Vietnamese typed decomposed: "e" + "̣" + "̂"), nor inside
 * an emoji, as `slice`, which counts UTF-16 units, does. A text that is cut ends with `ending`,
 * counted in `max`. Only the first 4 × `max` units are read, so a text built to be one endless
 * "character" (a letter under thousands of marks) is still cut short.
 */
const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

export function cutText(text: string, max: number, ending = '…'): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max * 4);
  const parts = Array.from(graphemes.segment(head), (s) => s.segment);
  if (head === text && parts.length <= max) return text;
  const room = Math.max(0, max - Array.from(graphemes.segment(ending)).length);
  return parts.slice(0, Math.min(room, parts.length - 1)).join('') + ending;
}
