import 'server-only';
import type { BlobLocation, Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { errorField } from '@/lib/server/log';
import { recordAuditEvent, type AuditActor } from '../audit';
import { blobStore, moveBlob } from './blob-store';

/** Every stored blob matching `where`, a hundred rows a read, in sha256 order. */
async function* storedBlobs(where: Prisma.BlobWhereInput = {}) {
  let after = '';
  for (;;) {
    const batch = await db().blob.findMany({
      where: { ...where, sha256: { gt: after }, storedAt: { not: null } },
      orderBy: { sha256: 'asc' },
      select: { sha256: true, size: true },
      take: 100,
    });
    if (batch.length === 0) return;
    yield* batch;
    after = batch.at(-1)?.sha256 ?? after;
  }
}

export interface MoveSummary {
  to: BlobLocation;
  moved: number;
  bytes: number;
  /** Blobs that could not be moved (they stay whole where they were), with why. */
  failed: { sha256: string; error: string }[];
  /** Stored blobs still kept elsewhere than `to` afterwards (0 when all moved). */
  left: number;
}

/**
 * Moves every stored blob to `to`, one at a time (lib/data/evidence/blob-store.ts moveBlob: read,
 * write, read back and compare the sha256, then repoint and remove the old copy). A failure is
 * reported and the rest carry on; running it again moves what is left. One audit event records
 * the run.
 */
export async function moveEvidence(
  actor: AuditActor,
  to: BlobLocation,
  onMoved: (done: number, sha256: string) => void = () => {},
): Promise<MoveSummary> {
  const summary: MoveSummary = { to, moved: 0, bytes: 0, failed: [], left: 0 };
  for await (const blob of storedBlobs({ location: { not: to } })) {
    try {
      if ((await moveBlob(blob.sha256, to)) === 'moved') {
        summary.moved += 1;
        summary.bytes += blob.size;
        onMoved(summary.moved, blob.sha256);
      }
    } catch (error) {
      summary.failed.push({ sha256: blob.sha256, error: errorField(error).message });
    }
  }
  summary.left = await db().blob.count({
    where: { location: { not: to }, storedAt: { not: null } },
  });
  await recordAuditEvent(actor, {
    action: 'evidence.move',
    entity: 'blobs',
    entityId: to,
    after: { moved: summary.moved, bytes: summary.bytes, failed: summary.failed.length },
  });
  return summary;
}

/**
 * Reads every stored file back from where it is and checks its length and sha256: what a restore
 * drill or a doubt about the store runs. Answers how many were whole and which were not.
 */
export async function checkEvidence(): Promise<{
  checked: number;
  bytes: number;
  failed: { sha256: string; error: string }[];
}> {
  const outcome = { checked: 0, bytes: 0, failed: [] as { sha256: string; error: string }[] };
  for await (const blob of storedBlobs()) {
    try {
      const stream = await blobStore.open(blob.sha256);
      if (!stream) throw new Error('no bytes where its row says');
      await stream.pipeTo(new WritableStream());
      outcome.checked += 1;
      outcome.bytes += blob.size;
    } catch (error) {
      outcome.failed.push({ sha256: blob.sha256, error: errorField(error).message });
    }
  }
  return outcome;
}
