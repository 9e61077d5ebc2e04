import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';

/**
 * Where evidence bytes live, addressed by their sha256. The database store keeps them in the
 * `blobs` table, written in the same transaction as the evidence row, so a crash never leaves
 * one without the other. A large deployment can add an S3-compatible store behind the same
 * interface (write the object first, then the row: content addressing makes retries harmless).
 */
export interface BlobStore {
  put(
    tx: Prisma.TransactionClient,
    blob: { sha256: string; size: number; mimeType: string; bytes: Uint8Array },
  ): Promise<void>;
  get(sha256: string): Promise<Uint8Array | null>;
}

export const databaseBlobStore: BlobStore = {
  async put(tx, blob) {
    // Identical content is stored once, whoever uploads it and however often.
    await tx.blob.createMany({
      data: [
        {
          sha256: blob.sha256,
          size: blob.size,
          mimeType: blob.mimeType,
          data: Buffer.from(blob.bytes),
        },
      ],
      skipDuplicates: true,
    });
  },
  async get(sha256) {
    const row = await db().blob.findUnique({ where: { sha256 }, select: { data: true } });
    return row ? new Uint8Array(row.data) : null;
  },
};

export function blobStore(): BlobStore {
  return databaseBlobStore;
}
