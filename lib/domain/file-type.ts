/**
 * Recognises an uploaded file from its bytes, never from its name. Only document and image
 * types an assessor needs are accepted; anything else (HTML, SVG, scripts, archives,
 * executables) is refused, whatever it is called.
 */

export interface DetectedType {
  mime: string;
  extension: string;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** True when the ZIP's bytes name an entry starting with `prefix` (entry names are stored plainly). */
function zipHasEntry(bytes: Uint8Array, prefix: string): boolean {
  const needle = ascii(prefix);
  outer: for (let i = 0; i <= bytes.length - needle.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function detectFileType(bytes: Uint8Array, fileName = ''): DetectedType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return { mime: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: 'image/png', extension: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { mime: 'image/webp', extension: 'webp' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && zipHasEntry(bytes, '[Content_Types].xml')) {
    if (zipHasEntry(bytes, 'word/'))
      return {
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    if (zipHasEntry(bytes, 'xl/'))
      return {
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
      };
    return null;
  }
  // Legacy Word and Excel share one container format; the name tells which of the two it is.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const ext = fileName.toLowerCase().split('.').pop();
    if (ext === 'xls') return { mime: 'application/vnd.ms-excel', extension: 'xls' };
    return { mime: 'application/msword', extension: 'doc' };
  }
  return null;
}
