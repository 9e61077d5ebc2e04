/**
 * Folds Vietnamese text for searching: lower case, no tone marks or other diacritics, đ → d,
 * single spaces. "Thanh Hóa", "Thanh Hoá" and "thanh hoa" all fold to "thanh hoa", whichever
 * vowel carries the tone mark.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
