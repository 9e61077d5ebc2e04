import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';

/** The largest piece of a file kept in one row, written or read at a time. */
export const BLOB_PIECE_BYTES = 1024 * 1024;

/**
 * Where evidence bytes live, addressed by their sha256. The database store keeps them in
 * `blob_chunks`, pieces of at most 1 MiB, written in the same transaction as the evidence row, so
 * a crash never leaves one without the other, and neither a write nor a read ever holds a whole
 * file. A large deployment can add an S3-compatible store behind the same interface (write the
 * object first, then the row: content addressing makes retries harmless).
 */
export interface BlobStore {
  put(
    tx: Prisma.TransactionClient,
    blob: {
      sha256: string;
      size: number;
      mimeType: string;
      pieces: (pieceBytes: number) => AsyncIterable<Uint8Array>;
    },
  ): Promise<void>;
  /** The bytes as a stream that reads one piece at a time as the reader asks, or null. */
  open(sha256: string): Promise<ReadableStream<Uint8Array> | null>;
}

export const databaseBlobStore: BlobStore = {
  async put(tx, blob) {
    // Identical content is stored once, whoever uploads it and however often. A concurrent
    // upload of the same bytes waits on the key and then finds them committed, whole.
    const created = await tx.blob.createMany({
      data: [{ sha256: blob.sha256, size: blob.size, mimeType: blob.mimeType }],
      skipDuplicates: true,
    });
    if (created.count === 0) return;
    let seq = 0;
    for await (const piece of blob.pieces(BLOB_PIECE_BYTES))
      await tx.blobChunk.create({
        data: { sha256: blob.sha256, seq: seq++, data: new Uint8Array(piece) },
        select: { seq: true },
      });
  },
  async open(sha256) {
    const count = await db().blobChunk.count({ where: { sha256 } });
    if (count === 0) return null;
    let seq = 0;
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const piece = await db().blobChunk.findUnique({
            where: { sha256_seq: { sha256, seq } },
            select: { data: true },
          });
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
};

export function blobStore(): BlobStore {
  return databaseBlobStore;
}
