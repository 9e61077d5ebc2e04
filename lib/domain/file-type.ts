/**
 * Recognises an uploaded file from its bytes, never from its name, and checks that it is what it
 * claims all the way through. Only the document and image types an assessor needs are accepted:
 * - PDF, PNG, JPEG, WebP by their signatures, with no active content anywhere in the file (a PDF
 *   with JavaScript or a launch action; HTML or SVG markup hidden in a PDF or an image, which
 *   makes it a polyglot a browser could be talked into running: `active-content.ts`);
 * - Word and Excel packages (.docx, .xlsx) whose ZIP central directory lists the parts such a
 *   document must have, and no macros;
 * - legacy Word and Excel files (.doc, .xls) whose OLE directory holds a WordDocument or a
 *   Workbook stream, and no macros.
 * Anything else (HTML, SVG, scripts, archives, executables, other OLE containers) is refused,
 * whatever it is called. The file is read through `FileReader`, so a 20 MB upload staged on disk
 * is checked piece by piece, never whole in memory.
 */

import { hasActiveContent } from './active-content';
import type { FileReader } from './file-reader';

export interface DetectedType {
  mime: string;
  extension: string;
}

export type FileRefusal = 'type' | 'active_content';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

const PDF: DetectedType = { mime: 'application/pdf', extension: 'pdf' };
const PNG: DetectedType = { mime: 'image/png', extension: 'png' };
const JPEG: DetectedType = { mime: 'image/jpeg', extension: 'jpg' };
const WEBP: DetectedType = { mime: 'image/webp', extension: 'webp' };
const DOCX: DetectedType = {
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
};
const XLSX: DetectedType = {
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
};
const DOC: DetectedType = { mime: 'application/msword', extension: 'doc' };
const XLS: DetectedType = { mime: 'application/vnd.ms-excel', extension: 'xls' };

/** Types a browser may show inline (lib/data/evidence/evidence.ts): never markup. */
export const INLINE_TYPES: ReadonlySet<string> = new Set([
  PDF.mime,
  PNG.mime,
  JPEG.mime,
  WEBP.mime,
]);

/** How each inline type is searched for active content. */
const INLINE_KINDS = new Map<DetectedType, Parameters<typeof hasActiveContent>[1]>([
  [PDF, 'pdf'],
  [PNG, 'png'],
  [JPEG, 'jpeg'],
  [WEBP, 'webp'],
]);

/** How the sheet's viewer shows a stored file: a PDF or an image inline, anything else not at all. */
export function viewableAs(mime: string | null): 'pdf' | 'image' | null {
  if (!mime || !INLINE_TYPES.has(mime)) return null;
  return mime === PDF.mime ? 'pdf' : 'image';
}

/** The type its first bytes claim, before the rest is checked. */
function claimedType(head: Uint8Array): DetectedType | 'zip' | 'ole' | null {
  if (startsWith(head, ascii('%PDF-'))) return PDF;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return WEBP;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return null;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

/** The entry names of a ZIP file, from its central directory; null when it is not a sound ZIP. */
async function zipEntryNames(file: FileReader): Promise<string[] | null> {
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of at most 64 KB.
  const tailLength = Math.min(file.size, 22 + 65_535);
  const tail = await file.readAt(file.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1)
    if (u32(tail, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = u16(tail, eocd + 10);
  const cdSize = u32(tail, eocd + 12);
  const cdOffset = u32(tail, eocd + 16);
  if (count === 0 || count > 10_000 || cdSize > 8 * 1024 * 1024) return null;
  if (cdOffset + cdSize > file.size) return null;
  const cd = await file.readAt(cdOffset, cdSize);
  const names: string[] = [];
  let at = 0;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > cd.length || u32(cd, at) !== 0x02014b50) return null;
    const nameLength = u16(cd, at + 28);
    const extra = u16(cd, at + 30);
    const comment = u16(cd, at + 32);
    if (at + 46 + nameLength > cd.length) return null;
    names.push(decoder.decode(cd.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

function officePackageType(names: string[]): DetectedType | null {
  const has = (name: string) => names.includes(name);
  if (!has('[Content_Types].xml')) return null;
  // Macros make a .docm or .xlsm, whatever the name says.
  if (names.some((n) => /vbaProject\.bin$/i.test(n))) return null;
  if (has('word/document.xml')) return DOCX;
  if (has('xl/workbook.xml')) return XLSX;
  return null;
}

/**
 * The stream and storage names in an OLE (Compound File) container's directory, following its
 * sector chain through the allocation table; null when it is not a sound container.
 */
async function oleEntryNames(file: FileReader): Promise<string[] | null> {
  const header = await file.readAt(0, 512);
  if (header.length < 512 || u16(header, 28) !== 0xfffe) return null;
  const shift = u16(header, 30);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const fatSectors = Array.from({ length: 109 }, (_, i) => u32(header, 76 + i * 4));
  const perFatSector = sectorSize / 4;
  const nextSector = async (sector: number): Promise<number | null> => {
    const fatSector = fatSectors[Math.floor(sector / perFatSector)];
    if (fatSector === undefined || fatSector >= 0xfffffffa) return null;
    const offset = sectorOffset(fatSector) + (sector % perFatSector) * 4;
    if (offset + 4 > file.size) return null;
    return u32(await file.readAt(offset, 4), 0);
  };
  const names: string[] = [];
  let sector = u32(header, 48);
  for (let hops = 0; sector < 0xfffffffa; hops += 1) {
    if (hops > 256 || sectorOffset(sector) + sectorSize > file.size) return null;
    const block = await file.readAt(sectorOffset(sector), sectorSize);
    for (let e = 0; e + 128 <= block.length; e += 128) {
      const length = u16(block, e + 64);
      if (length < 2 || length > 64) continue;
      let name = '';
      for (let c = 0; c < length - 2; c += 2) name += String.fromCharCode(u16(block, e + c));
      names.push(name);
    }
    const next = await nextSector(sector);
    if (next === null) return null;
    sector = next;
  }
  return names;
}

function oleDocumentType(names: string[]): DetectedType | null {
  if (names.some((n) => n === 'Macros' || n === '_VBA_PROJECT_CUR' || n === 'VBA')) return null;
  if (names.includes('WordDocument')) return DOC;
  if (names.includes('Workbook') || names.includes('Book')) return XLS;
  return null;
}

/** What the file is, checked through; or why it is refused. */
export async function inspectFile(
  file: FileReader,
): Promise<{ ok: true; type: DetectedType } | { ok: false; reason: FileRefusal }> {
  if (file.size === 0) return { ok: false, reason: 'type' };
  const claimed = claimedType(await file.readAt(0, Math.min(file.size, 16)));
  let type: DetectedType | null = null;
  if (claimed === 'zip') {
    const names = await zipEntryNames(file);
    type = names ? officePackageType(names) : null;
  } else if (claimed === 'ole') {
    const names = await oleEntryNames(file);
    type = names ? oleDocumentType(names) : null;
  } else type = claimed;
  if (!type) return { ok: false, reason: 'type' };
  // Office documents are compressed or binary and only ever downloaded: markup inside them is
  // ordinary text. Files a browser shows inline must hold none.
  const inline = INLINE_KINDS.get(type);
  if (inline && (await hasActiveContent(file, inline)))
    return { ok: false, reason: 'active_content' };
  return { ok: true, type };
}
