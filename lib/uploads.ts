import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { sha256Hex } from '@/lib/crypto';

/**
 * Uploads that never sit whole in memory. A multipart body is parsed as it arrives; its file goes
 * to a temporary file while its sha256 and size are counted, and only its first and last bytes
 * (what tells its type) are kept. The file is then read back in pieces when it is stored.
 */

/** Bytes kept from each end of a file to recognise its type (a ZIP names its entries at both). */
const SAMPLE_BYTES = 256 * 1024;

export interface StagedFile {
  name: string;
  size: number;
  sha256: string;
  /** The first and last bytes (the whole file when it is small). */
  sample: Uint8Array;
  /** The bytes in order, in pieces of at most `pieceBytes`. */
  pieces(pieceBytes: number): AsyncIterable<Uint8Array>;
  /** Deletes the temporary copy; safe to call twice. */
  dispose(): Promise<void>;
}

function sampleOf(head: Uint8Array, tail: Uint8Array): Uint8Array {
  const sample = new Uint8Array(head.length + tail.length);
  sample.set(head);
  sample.set(tail, head.length);
  return sample;
}

/** A file already in memory (small imports, tests) behind the same interface. */
export function stagedBytes(name: string, bytes: Uint8Array): StagedFile {
  return {
    name,
    size: bytes.length,
    sha256: sha256Hex(bytes),
    sample:
      bytes.length <= 2 * SAMPLE_BYTES
        ? bytes
        : sampleOf(bytes.subarray(0, SAMPLE_BYTES), bytes.subarray(-SAMPLE_BYTES)),
    async *pieces(pieceBytes) {
      for (let offset = 0; offset < bytes.length; offset += pieceBytes)
        yield bytes.subarray(offset, offset + pieceBytes);
    },
    async dispose() {},
  };
}

/**
 * Writes `source` to a temporary file. Past `maxBytes` it stops writing and answers `too_large`
 * (the partial copy is deleted).
 */
export async function stageFile(
  name: string,
  source: Readable,
  maxBytes: number,
): Promise<StagedFile | 'too_large'> {
  const file = path.join(os.tmpdir(), `kieumau-upload-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  let head: Uint8Array = new Uint8Array(0);
  const tail: Buffer[] = [];
  let tailBytes = 0;
  let tooLarge = false;
  const dispose = () => fs.promises.rm(file, { force: true });
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          // Past the limit the rest is read and dropped, so the body's other parts still parse.
          tooLarge ||= size > maxBytes;
          if (tooLarge) continue;
          hash.update(chunk);
          if (head.length < SAMPLE_BYTES)
            head = sampleOf(head, chunk.subarray(0, SAMPLE_BYTES - head.length));
          tail.push(chunk);
          tailBytes += chunk.length;
          while (tail.length > 1 && tailBytes - tail[0]!.length >= SAMPLE_BYTES)
            tailBytes -= tail.shift()!.length;
          yield chunk;
        }
      },
      fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }),
    );
  } catch (error) {
    await dispose();
    throw error;
  }
  if (tooLarge) {
    await dispose();
    return 'too_large';
  }
  // The head is the whole file when it is short; otherwise the head and the last bytes (which
  // may overlap the head: harmless to recognising the type).
  const last = Buffer.concat(tail);
  return {
    name,
    size,
    sha256: hash.digest('hex'),
    sample:
      size <= SAMPLE_BYTES
        ? head
        : sampleOf(head, last.subarray(Math.max(0, last.length - SAMPLE_BYTES))),
    async *pieces(pieceBytes) {
      yield* fs.createReadStream(file, { highWaterMark: pieceBytes });
    },
    dispose,
  };
}

export interface MultipartForm {
  /** The text fields, as FormData would hold them. */
  fields: FormData;
  /** The one file field asked for, staged; null when absent or empty. */
  file: StagedFile | null;
  /** The file passed the limit (nothing of it is kept). */
  fileTooLarge: boolean;
  dispose(): Promise<void>;
}

/**
 * Parses a multipart/form-data request body as it arrives. Only `fileField` may hold a file; the
 * text fields are capped in number and size. Answers null for a body that is not a well-formed
 * form.
 */
export async function readMultipart(
  request: Request,
  fileField: string,
  maxFileBytes: number,
): Promise<MultipartForm | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!request.body || !type.toLowerCase().startsWith('multipart/form-data')) return null;
  const fields = new FormData();
  let file: StagedFile | null = null;
  let fileTooLarge = false;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': type },
      limits: { files: 1, fields: 50, fieldSize: 16 * 1024, parts: 60 },
      defParamCharset: 'utf8',
    });
  } catch {
    return null;
  }
  const staging: Promise<void>[] = [];
  parser.on('field', (name, value) => fields.append(name, value));
  parser.on('file', (name, stream, info) => {
    if (name !== fileField) {
      stream.resume();
      return;
    }
    staging.push(
      stageFile(info.filename ?? '', stream, maxFileBytes).then((staged) => {
        if (staged === 'too_large') fileTooLarge = true;
        else if (staged.size === 0) void staged.dispose();
        else file = staged;
      }),
    );
  });
  const dispose = async () => {
    await Promise.allSettled(staging);
    await (file as StagedFile | null)?.dispose();
  };
  try {
    await pipeline(Readable.fromWeb(request.body as never), parser);
    await Promise.all(staging);
  } catch {
    await dispose();
    return null;
  }
  return { fields, file, fileTooLarge, dispose };
}
