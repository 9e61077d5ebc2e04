import 'server-only';
import { createHash } from 'node:crypto';
import type { BlobLocation } from '@/lib/generated/prisma/client';
import { objectKey, objectStore } from '@/lib/files/object-store';
import { db, getDatabase } from '@/lib/server/db';
import { readEnv } from '@/lib/server/env';

/** The largest piece of a file kept in one row, written or read at a time. */
export const BLOB_PIECE_BYTES = 1024 * 1024;

/** Unreferenced blobs are kept this long (an upload between storing and linking), then removed. */
export const ORPHAN_BLOB_MINUTES = 60;

/**
 * Where evidence bytes live, addressed by their sha256. A file is stored first, piece by piece,
 * each piece its own short write (no transaction is held open around a 20 MB file, whatever the
 * database's speed), and marked complete; only then does a short transaction link it to its
 * evidence row. A refused or failed upload discards what it stored; anything a crash left
 * unlinked is removed by `removeOrphanBlobs` (the background work).
 *
 * The `blobs` row is the index either way (size, type, complete or not, who refers to it); the
 * bytes are where the row's `location` says: `blob_chunks` (pieces of at most 1 MiB), or an
 * S3-compatible object store (lib/files/object-store.ts). New files go where EVIDENCE_STORE says;
 * `moveBlob` carries one from a store to the other. Every read is checked against the sha256 as it
 * streams: bytes that do not match end the download with an error instead of a wrong file.
 * Thumbnails (a few kilobytes) stay in the database whatever the store.
 */
export interface BlobStore {
  /** Stores the bytes (once per content, however often uploaded); complete when it resolves. */
  put(blob: {
    sha256: string;
    size: number;
    mimeType: string;
    pieces: (pieceBytes: number) => AsyncIterable<Uint8Array>;
  }): Promise<void>;
  /** Removes the bytes unless some evidence refers to them (an upload that was refused). */
  discard(sha256: string): Promise<void>;
  /** The bytes as a stream that reads one piece at a time as the reader asks, or null. */
  open(sha256: string): Promise<ReadableStream<Uint8Array> | null>;
  /** The kept preview of a picture, or null until one is made. */
  thumbnail(sha256: string): Promise<Uint8Array | null>;
  /** Keeps a picture's preview (the first one made wins; it goes when the bytes go). */
  keepThumbnail(sha256: string, data: Uint8Array): Promise<void>;
}

/** Where a blob's bytes are written and read, one implementation per location. */
interface Bytes {
  write(
    sha256: string,
    size: number,
    pieces: (pieceBytes: number) => AsyncIterable<Uint8Array>,
  ): Promise<void>;
  /** The bytes as they are stored, or null when there are none. */
  read(sha256: string): Promise<ReadableStream<Uint8Array> | null>;
  remove(sha256: string): Promise<void>;
}

const databaseBytes: Bytes = {
  async write(sha256, _size, pieces) {
    // Each piece its own write; a piece another upload of the same bytes wrote is the same.
    let seq = 0;
    for await (const piece of pieces(BLOB_PIECE_BYTES)) {
      await db().blobChunk.createMany({
        data: [{ sha256, seq: seq++, data: new Uint8Array(piece) }],
        skipDuplicates: true,
      });
    }
  },
  async read(sha256) {
    const count = await db().blobChunk.count({ where: { sha256 } });
    if (count === 0) return null;
    let seq = 0;
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          // Read past Prisma: its PGlite adapter decodes bytea byte by byte (1.7 s per 20 MB).
          const [piece] = await getDatabase().sql.query<{ data: Uint8Array }>(
            'SELECT data FROM blob_chunks WHERE sha256 = $1 AND seq = $2',
            [sha256, seq],
          );
          if (!piece) {
            controller.error(new Error(`blob ${sha256} misses piece ${seq}`));
            return;
          }
          controller.enqueue(new Uint8Array(piece.data));
          seq += 1;
          if (seq === count) controller.close();
        },
      },
      { highWaterMark: 1 },
    );
  },
  async remove(sha256) {
    await db().blobChunk.deleteMany({ where: { sha256 } });
  },
};

function s3Bytes(): Bytes {
  const env = readEnv();
  const store = objectStore(env);
  if (!store)
    throw new Error('Evidence is kept on object storage, but S3_BUCKET is not configured');
  const key = (sha256: string) => objectKey(env.S3_PREFIX, sha256);
  return {
    write: (sha256, size, pieces) => store.put(key(sha256), size, sha256, pieces(BLOB_PIECE_BYTES)),
    read: (sha256) => store.get(key(sha256)),
    remove: (sha256) => store.remove(key(sha256)),
  };
}

const bytesAt = (location: BlobLocation): Bytes => (location === 'S3' ? s3Bytes() : databaseBytes);

/** Where new files go (EVIDENCE_STORE). */
export const configuredLocation = (): BlobLocation =>
  readEnv().EVIDENCE_STORE === 's3' ? 'S3' : 'DATABASE';

/**
 * The stream, passed through as it is read, erroring at its end unless it was exactly `size`
 * bytes with this sha256: a reader gets the stored file or a failed read, never other bytes.
 */
export function verified(
  stream: ReadableStream<Uint8Array>,
  sha256: string,
  size: number,
): ReadableStream<Uint8Array> {
  const hash = createHash('sha256');
  let seen = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>(
      {
        transform(chunk, controller) {
          hash.update(chunk);
          seen += chunk.length;
          controller.enqueue(chunk);
        },
        flush() {
          const got = hash.digest('hex');
          if (seen !== size || got !== sha256)
            throw new Error(`blob ${sha256} read back as ${seen} bytes with sha256 ${got}`);
        },
      },
      undefined,
      { highWaterMark: 1 },
    ),
  );
}

/** A stream's bytes in pieces of exactly `pieceBytes` (the last shorter). */
export async function* inPieces(
  stream: ReadableStream<Uint8Array>,
  pieceBytes: number,
): AsyncIterable<Uint8Array> {
  let piece = new Uint8Array(pieceBytes);
  let filled = 0;
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const chunk = read.value;
    let offset = 0;
    while (offset < chunk.length) {
      const taken = Math.min(pieceBytes - filled, chunk.length - offset);
      piece.set(chunk.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
      if (filled === pieceBytes) {
        yield piece;
        piece = new Uint8Array(pieceBytes);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield piece.subarray(0, filled);
}

export const blobStore: BlobStore = {
  async put(blob) {
    const location = configuredLocation();
    const created = await db().blob.createMany({
      data: [{ sha256: blob.sha256, size: blob.size, mimeType: blob.mimeType, location }],
      skipDuplicates: true,
    });
    // Already stored whole (by an earlier upload of the same bytes): nothing to write.
    if (created.count === 0) {
      const existing = await db().blob.findUnique({
        where: { sha256: blob.sha256 },
        select: { storedAt: true, location: true },
      });
      if (existing?.storedAt) return;
      // An upload cut off earlier left part of it: finish it now, where new files go, and keep it
      // from the sweep.
      if (existing && existing.location !== location)
        await bytesAt(existing.location).remove(blob.sha256);
      await db().blob.update({
        where: { sha256: blob.sha256 },
        data: { createdAt: new Date(), location },
      });
    }
    await bytesAt(location).write(blob.sha256, blob.size, blob.pieces);
    await db().blob.update({ where: { sha256: blob.sha256 }, data: { storedAt: new Date() } });
  },
  async discard(sha256) {
    await removeBlobs(
      `DELETE FROM blobs b WHERE b.sha256 = $1
         AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = b.sha256)`,
      [sha256],
    );
  },
  async open(sha256) {
    const blob = await db().blob.findUnique({
      where: { sha256 },
      select: { storedAt: true, location: true, size: true },
    });
    if (!blob?.storedAt) return null;
    const stream = await bytesAt(blob.location).read(sha256);
    return stream && verified(stream, sha256, blob.size);
  },
  async thumbnail(sha256) {
    const [kept] = await getDatabase().sql.query<{ data: Uint8Array }>(
      'SELECT data FROM blob_thumbnails WHERE sha256 = $1',
      [sha256],
    );
    return kept ? new Uint8Array(kept.data) : null;
  },
  async keepThumbnail(sha256, data) {
    await db().blobThumbnail.createMany({
      data: [{ sha256, data: new Uint8Array(data) }],
      skipDuplicates: true,
    });
  },
};

/** Blobs no evidence refers to, older than `minutes`: leftovers of refused or cut-off uploads. */
export const orphanBlobsSql = (minutes: number) =>
  `DELETE FROM blobs b WHERE b.created_at < now() - make_interval(mins => ${Math.floor(minutes)})
     AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = b.sha256)`;

/**
 * Deletes blob rows (their pieces and thumbnail go with them) and, in the same transaction, their
 * objects in the object store: if the store cannot be reached, the rows stay for the next sweep.
 * A link being made meanwhile holds the row (FOR SHARE), so this waits for it or it finds none.
 */
async function removeBlobs(deleteSql: string, params: unknown[]): Promise<number> {
  return db().$transaction(async (tx) => {
    const removed = await tx.$queryRawUnsafe<{ sha256: string; location: BlobLocation }[]>(
      `${deleteSql} RETURNING b.sha256, b.location`,
      ...params,
    );
    for (const blob of removed) if (blob.location === 'S3') await bytesAt('S3').remove(blob.sha256);
    return removed.length;
  });
}

/** Removes what refused or cut-off uploads left behind (run by the background work). */
export async function removeOrphanBlobs(minutes = ORPHAN_BLOB_MINUTES): Promise<number> {
  return removeBlobs(orphanBlobsSql(minutes), []);
}

export type MoveOutcome = 'moved' | 'already_there' | 'gone';

/**
 * Carries one blob's bytes to `to`: read from where they are (checked against the sha256 as they
 * stream), written to `to`, read back from there and checked again, and only then is the row
 * pointed at `to` and the old copy removed. Stopped at any point, the blob is whole where its row
 * says; run again, it carries on.
 */
export async function moveBlob(sha256: string, to: BlobLocation): Promise<MoveOutcome> {
  const blob = await db().blob.findUnique({
    where: { sha256 },
    select: { storedAt: true, location: true, size: true },
  });
  if (!blob?.storedAt) return 'gone';
  if (blob.location === to) return 'already_there';
  const from = bytesAt(blob.location);
  const source = await from.read(sha256);
  if (!source) throw new Error(`blob ${sha256} has no bytes in ${blob.location}`);
  const target = bytesAt(to);
  try {
    const checked = verified(source, sha256, blob.size);
    await target.write(sha256, blob.size, (pieceBytes) => inPieces(checked, pieceBytes));
    const copy = await target.read(sha256);
    if (!copy) throw new Error(`blob ${sha256} was not found in ${to} after writing it`);
    await verified(copy, sha256, blob.size).pipeTo(new WritableStream());
  } catch (error) {
    // Whatever was written of a copy that does not check out goes; the original stays.
    await target.remove(sha256).catch(() => undefined);
    throw error;
  }
  const pointed = await db().blob.updateMany({
    where: { sha256, location: blob.location },
    data: { location: to },
  });
  if (pointed.count === 1) await from.remove(sha256);
  return 'moved';
}
