import JSZip from 'jszip';

/**
 * Limits for an uploaded XLSX, checked while inflating it, before any spreadsheet parser sees
 * it: a small upload cannot inflate into gigabytes (a "zip bomb"), hold thousands of parts, or
 * smuggle in more rows than an import accepts.
 */
export const XLSX_LIMITS = {
  maxEntries: 200,
  maxInflatedBytes: 40 * 1024 * 1024,
} as const;

export type XlsxProblem =
  | { problem: 'not_xlsx' }
  | { problem: 'macros' }
  | { problem: 'too_large' }
  | { problem: 'too_many_rows'; rows: number };

interface ZipStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', fn: (error: Error) => void): ZipStream;
  on(event: 'end', fn: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
}

/** Reads one part, stopping as soon as the shared budget runs out (null then). */
function readCapped(
  entry: JSZip.JSZipObject,
  budget: { left: number },
): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let stopped = false;
    // JSZip's own stream (not in its type definitions): inflates chunk by chunk, and pauses.
    const stream = (
      entry as unknown as { internalStream(type: 'uint8array'): ZipStream }
    ).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (stopped) return;
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stopped = true;
          stream.pause();
          resolve(null);
        } else chunks.push(chunk);
      })
      .on('error', (error: Error) => (stopped ? undefined : reject(error)))
      .on('end', () => {
        if (!stopped) resolve(Buffer.concat(chunks));
      })
      .resume();
  });
}

/** Rows in a worksheet's XML (`<row` then a space, a newline, a tab or `>`). */
export function countSheetRows(xml: string): number {
  return xml.match(/<row[\s>/]/g)?.length ?? 0;
}

/**
 * Checks an XLSX: a zip with the workbook's parts, no macros, at most `maxEntries` parts and
 * `maxInflatedBytes` once inflated, and no worksheet with more than `maxRows` data rows (after
 * its header row). Answers null when it passes.
 */
export async function checkXlsx(bytes: Uint8Array, maxRows: number): Promise<XlsxProblem | null> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { problem: 'not_xlsx' };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { problem: 'not_xlsx' };
  }
  const names = Object.keys(zip.files);
  if (names.length > XLSX_LIMITS.maxEntries) return { problem: 'too_large' };
  if (names.some((f) => /vbaProject\.bin$/i.test(f))) return { problem: 'macros' };
  if (!zip.file('[Content_Types].xml') || !zip.file('xl/workbook.xml'))
    return { problem: 'not_xlsx' };
  const budget = { left: XLSX_LIMITS.maxInflatedBytes };
  for (const name of names) {
    const entry = zip.file(name);
    if (!entry) continue; // a folder
    let data: Uint8Array | null;
    try {
      data = await readCapped(entry, budget);
    } catch {
      return { problem: 'not_xlsx' };
    }
    if (!data) return { problem: 'too_large' };
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const rows = countSheetRows(Buffer.from(data).toString('utf8'));
      if (rows > maxRows + 1) return { problem: 'too_many_rows', rows: rows - 1 };
    }
  }
  return null;
}
