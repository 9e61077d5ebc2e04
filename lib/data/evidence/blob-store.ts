import 'server-only';
import { db, getDatabase } from '@/lib/server/db';

/** The largest piece of a file kept in one row, written or read at a time. */
export const BLOB_PIECE_BYTES = 1024 * 1024;

/** Unreferenced blobs are kept this long (an upload between storing and linking), then removed. */
export const ORPHAN_BLOB_MINUTES = 60;

/**
 * Where evidence bytes live, addressed by their sha256. A file is stored first, piece by piece,
 * each piece its own short write (no transaction is held open around a 20 MB file, whatever the
 * database's speed), and marked complete; only then does a short transaction link it to its
 * evidence row. A refused or failed upload discards what it stored; anything a crash left
 * unlinked is removed by `removeOrphanBlobs` (the background work). The database store keeps the
 * bytes in `blob_chunks`, pieces of at most 1 MiB; an S3-compatible store can stand behind the
 * same interface (content addressing makes retries harmless).
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

/** Blobs no evidence refers to, older than `minutes`: leftovers of refused or cut-off uploads. */
export const orphanBlobsSql = (minutes: number) =>
  `DELETE FROM blobs b WHERE b.created_at < now() - make_interval(mins => ${Math.floor(minutes)})
     AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = b.sha256)`;

export const databaseBlobStore: BlobStore = {
  async put(blob) {
    const created = await db().blob.createMany({
      data: [{ sha256: blob.sha256, size: blob.size, mimeType: blob.mimeType }],
      skipDuplicates: true,
    });
    // Already stored whole (by an earlier upload of the same bytes): nothing to write.
    if (created.count === 0) {
      const existing = await db().blob.findUnique({
        where: { sha256: blob.sha256 },
        select: { storedAt: true },
      });
      if (existing?.storedAt) return;
      // An upload cut off earlier left part of it: finish it now, and keep it from the sweep.
      await db().blob.update({ where: { sha256: blob.sha256 }, data: { createdAt: new Date() } });
    }
    // Each piece its own write; a piece another upload of the same bytes wrote is the same.
    let seq = 0;
    for await (const piece of blob.pieces(BLOB_PIECE_BYTES)) {
      await db().blobChunk.createMany({
        data: [{ sha256: blob.sha256, seq: seq++, data: new Uint8Array(piece) }],
        skipDuplicates: true,
      });
    }
    await db().blob.update({ where: { sha256: blob.sha256 }, data: { storedAt: new Date() } });
  },
  async discard(sha256) {
    await db().$executeRaw`
      DELETE FROM blobs b WHERE b.sha256 = ${sha256}
         AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = b.sha256)`;
  },
  async open(sha256) {
    const count = await db().blobChunk.count({
      where: { sha256, blob: { storedAt: { not: null } } },
    });
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

export function blobStore(): BlobStore {
  return databaseBlobStore;
}

/** Removes what refused or cut-off uploads left behind (run by the background work). */
export async function removeOrphanBlobs(minutes = ORPHAN_BLOB_MINUTES): Promise<number> {
  return db().$executeRawUnsafe(orphanBlobsSql(minutes));
}
