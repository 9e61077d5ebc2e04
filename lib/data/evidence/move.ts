import 'server-only';
import type { BlobLocation } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { errorField } from '@/lib/server/log';
import { recordAuditEvent, type AuditActor } from '../audit';
import { blobStore, moveBlob } from './blob-store';

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
  let after = '';
  for (;;) {
    const batch = await db().blob.findMany({
      where: { sha256: { gt: after }, location: { not: to }, storedAt: { not: null } },
      orderBy: { sha256: 'asc' },
      select: { sha256: true, size: true },
      take: 100,
    });
    if (batch.length === 0) break;
    for (const blob of batch) {
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
    after = batch.at(-1)?.sha256 ?? after;
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
  let after = '';
  for (;;) {
    const batch = await db().blob.findMany({
      where: { sha256: { gt: after }, storedAt: { not: null } },
      orderBy: { sha256: 'asc' },
      select: { sha256: true, size: true },
      take: 100,
    });
    if (batch.length === 0) return outcome;
    for (const blob of batch) {
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
    after = batch.at(-1)?.sha256 ?? after;
  }
}
