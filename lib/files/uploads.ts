import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { sha256Hex } from '@/lib/server/crypto';
import type { FileReader } from '@/lib/domain/file-reader';

/**
 * Uploads that never sit whole in memory. A multipart body is parsed as it arrives; its file goes
 * to a temporary file while its sha256 and size are counted; its type is then checked by reading
 * the parts that tell it (lib/domain/file-type.ts), and it is read back in pieces when stored.
 */

export interface StagedFile extends FileReader {
  name: string;
  size: number;
  sha256: string;
  /** The bytes in order, in pieces of at most `pieceBytes`. */
  pieces(pieceBytes: number): AsyncIterable<Uint8Array>;
  /** `length` bytes from `offset` (fewer at the end), to check the file's structure. */
  readAt(offset: number, length: number): Promise<Uint8Array>;
  /** Deletes the temporary copy; safe to call twice. */
  dispose(): Promise<void>;
}

/** A file already in memory (small imports, tests) behind the same interface. */
export function stagedBytes(name: string, bytes: Uint8Array): StagedFile {
  return {
    name,
    size: bytes.length,
    sha256: sha256Hex(bytes),
    async readAt(offset, length) {
      return bytes.subarray(Math.max(0, offset), Math.max(0, offset) + length);
    },
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
  return {
    name,
    size,
    sha256: hash.digest('hex'),
    async readAt(offset, length) {
      const handle = await fs.promises.open(file, 'r');
      try {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        await handle.read(buffer, 0, buffer.length, offset);
        return buffer;
      } finally {
        await handle.close();
      }
    },
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
