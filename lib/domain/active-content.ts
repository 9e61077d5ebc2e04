import type { FileReader } from './file-reader';

/**
 * Whether a PDF or an image a browser may show inline hides something that runs: HTML or SVG
 * markup (a polyglot a browser could be talked into taking for a page) or, in a PDF, JavaScript
 * and launch actions.
 *
 * Only the parts of the file a reader takes as structure or text are searched: a PDF outside its
 * streams, an image's chunks or segments other than its coded pixels, and anything after the
 * image's end. Compressed pixels and stream data look random, and random bytes spell "<svg" or
 * "/JS " by chance: searched whole, about one 20 MB scan in twelve was refused as "active
 * content". A file whose structure does not parse is searched whole, as before.
 */
export async function hasActiveContent(
  file: FileReader,
  kind: 'pdf' | 'png' | 'jpeg' | 'webp',
): Promise<boolean> {
  if (kind === 'pdf') return pdfHasActiveContent(file);
  const regions =
    kind === 'png'
      ? await pngText(file)
      : kind === 'jpeg'
        ? await jpegText(file)
        : await webpText(file);
  for (const [from, to] of regions ?? [[0, file.size]])
    if (await rangeMatches(file, from, to, hasMarkup)) return true;
  return false;
}

/** Markup a browser would run if it ever took the file for a page, in any case. */
const MARKUP = ['<html', '<script', '<svg', '<iframe', '<body', '<!doctype', '<object', '<embed'];
/** PDF features that run something: JavaScript, launching a program. */
const PDF_ACTIONS = /\/(JavaScript|JS|Launch)[\s(<[/]/;
/** The start of a PDF stream's data: the end of its dictionary, the keyword, an end of line. */
const STREAM_START = />>\s*stream\r?\n/g;
const STREAM_END = 'endstream';
/** Longer than any pattern searched, so none hides on the boundary between two pieces. */
const OVERLAP = 32;
const PIECE = 1024 * 1024;

const hasMarkup = (text: string) => {
  const lower = text.toLowerCase();
  return MARKUP.some((m) => lower.includes(m));
};

const pdfActive = (text: string) => hasMarkup(text) || PDF_ACTIONS.test(text);

/** One character per byte, so byte patterns can be searched as text. */
const latin1 = () => new TextDecoder('latin1');

/** A PDF outside its streams, read a piece at a time. */
async function pdfHasActiveContent(file: FileReader): Promise<boolean> {
  const decoder = latin1();
  let text = '';
  let inStream = false;
  for await (const piece of file.pieces(PIECE)) {
    text += decoder.decode(piece);
    let at = 0;
    for (;;) {
      if (inStream) {
        const end = text.indexOf(STREAM_END, at);
        // Keep what could be the start of a split "endstream".
        if (end < 0) {
          at = Math.max(at, text.length - STREAM_END.length + 1);
          break;
        }
        at = end + STREAM_END.length;
        inStream = false;
      } else {
        STREAM_START.lastIndex = at;
        const start = STREAM_START.exec(text);
        const structure = text.slice(at, start ? start.index + start[0].length : text.length);
        if (pdfActive(structure)) return true;
        if (!start) {
          // The tail is searched again with the next piece (a pattern or a stream start split).
          at = Math.max(at, text.length - OVERLAP);
          break;
        }
        at = start.index + start[0].length;
        inStream = true;
      }
    }
    text = text.slice(at);
  }
  // A stream that never ends is no PDF structure (say, a "stream" inside a string): search whole.
  return inStream ? rangeMatches(file, 0, file.size, pdfActive) : false;
}

/** Whether `test` holds for some piece of bytes [from, to) (pieces overlap by OVERLAP). */
async function rangeMatches(
  file: FileReader,
  from: number,
  to: number,
  test: (text: string) => boolean,
): Promise<boolean> {
  const decoder = latin1();
  for (let at = from; at < to; at += PIECE) {
    const bytes = await file.readAt(at, Math.min(to, at + PIECE + OVERLAP) - at);
    if (test(decoder.decode(bytes))) return true;
  }
  return false;
}

type Regions = [number, number][];

const u32be = (b: Uint8Array, at = 0) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u32le = (b: Uint8Array, at = 0) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const tag = (b: Uint8Array, at = 0) => String.fromCharCode(...b.subarray(at, at + 4));

/** A PNG's chunks but the pixels (IDAT), and anything after IEND; null when it does not parse. */
async function pngText(file: FileReader): Promise<Regions | null> {
  const regions: Regions = [[0, 8]];
  let at = 8;
  while (at + 12 <= file.size) {
    const head = await file.readAt(at, 8);
    const length = u32be(head);
    const end = at + 12 + length;
    if (end > file.size) return null;
    if (tag(head, 4) !== 'IDAT') regions.push([at, end]);
    at = end;
    if (tag(head, 4) === 'IEND') {
      regions.push([at, file.size]);
      return regions;
    }
  }
  return null;
}

/** A WebP's chunks but the coded image and frames, and anything after the RIFF; or null. */
async function webpText(file: FileReader): Promise<Regions | null> {
  const riffEnd = 8 + u32le(await file.readAt(4, 4));
  if (riffEnd > file.size) return null;
  const regions: Regions = [[0, 12]];
  const coded = new Set(['VP8 ', 'VP8L', 'ALPH', 'ANMF']);
  let at = 12;
  while (at + 8 <= riffEnd) {
    const head = await file.readAt(at, 8);
    const end = at + 8 + u32le(head, 4) + (u32le(head, 4) % 2);
    if (end > riffEnd) return null;
    if (!coded.has(tag(head))) regions.push([at, end]);
    at = end;
  }
  regions.push([riffEnd, file.size]);
  return regions;
}

/**
 * A JPEG's segments (metadata, tables, comments) but its entropy-coded data, and anything after
 * its end; or null. Coded data never holds 0xFF but as 0xFF00 or a restart marker, so the next
 * segment is the first other marker after it.
 */
async function jpegText(file: FileReader): Promise<Regions | null> {
  const regions: Regions = [];
  let at = 2;
  let segmentStart = 0;
  while (at + 2 <= file.size) {
    const marker = await file.readAt(at, 2);
    if (marker[0] !== 0xff) return null;
    const code = marker[1]!;
    if (code === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (code === 0xd9) {
      regions.push([segmentStart, at + 2], [at + 2, file.size]);
      return regions;
    }
    if (code === 0x01 || (code >= 0xd0 && code <= 0xd7)) {
      at += 2;
      continue;
    }
    const lengthBytes = await file.readAt(at + 2, 2);
    const end = at + 2 + ((lengthBytes[0]! << 8) | lengthBytes[1]!);
    if (end > file.size) return null;
    if (code !== 0xda) {
      at = end;
      continue;
    }
    // Start of scan: what came before is searched; the coded data after it is skipped.
    regions.push([segmentStart, end]);
    const next = await nextMarker(file, end);
    if (next === null) return null;
    at = segmentStart = next;
  }
  return null;
}

/** Where the first marker other than a stuffed 0xFF00 or a restart lies, from `from`; or null. */
async function nextMarker(file: FileReader, from: number): Promise<number | null> {
  for (let at = from; at < file.size;) {
    const bytes = await file.readAt(at, Math.min(PIECE, file.size - at));
    let i = bytes.indexOf(0xff);
    while (i >= 0 && i + 1 < bytes.length) {
      const code = bytes[i + 1]!;
      if (code !== 0x00 && code !== 0xff && !(code >= 0xd0 && code <= 0xd7)) return at + i;
      i = bytes.indexOf(0xff, i + 1);
    }
    // A 0xFF as the piece's last byte is read again with the next piece.
    at += i >= 0 && i + 1 === bytes.length ? bytes.length - 1 : bytes.length;
    if (bytes.length <= 1) break;
  }
  return null;
}
