/**
 * A PDF of exactly `size` bytes whose page data is random, as a scan's compressed pages are.
 *
 * The random bytes sit inside one stream, where a reader (and the active-content check) takes
 * them as data: outside a stream, random bytes spell "<svg" or "/JS " now and then, and the
 * upload would be refused as active content about one run in a few hundred.
 */
export function randomPdf(size: number): Uint8Array<ArrayBuffer> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const head = (length: number) => encode(`%PDF-1.7\n1 0 obj\n<< /Length ${length} >>\nstream\n`);
  const tail = encode('\nendstream\nendobj\n%%EOF\n');
  let length = size - tail.length - head(size).length;
  length = size - tail.length - head(length).length;
  if (length <= 0) throw new Error(`randomPdf: ${size} bytes is too small for a PDF`);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536)
    crypto.getRandomValues(bytes.subarray(i, Math.min(i + 65536, size)));
  bytes.set(head(length));
  bytes.set(tail, size - tail.length);
  return bytes;
}
