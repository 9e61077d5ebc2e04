import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { periodOutsideYear } from '@/lib/domain/evidence-period';
import { inspectFile, viewableAs } from '@/lib/domain/file-type';
import { makeThumbnail } from '@/lib/files/thumbnail';
import type { Scope } from '@/lib/domain/permissions';
import type { StagedFile } from '@/lib/files/uploads';
import type { EvidenceInput } from '@/lib/validations/assessments';
import { recordAudit, type AuditActor } from '../audit';
import { markReturnAnswered } from '../assessments/returns';
import { isOpenForChange, lockFields, refreshSummary } from '../assessments/summary';
import { blobStore } from './blob-store';
import { ownedUnitWhere, unitScopeWhere } from '../scope';
import { cutText } from '@/lib/domain/text-cut';
import { errorField, log } from '@/lib/server/log';

export type EvidenceOutcome =
  | { ok: true; id: number }
  | {
      ok: false;
      error:
        | 'not_found'
        | 'locked'
        | 'file_required'
        | 'file_empty'
        | 'file_too_large'
        | 'file_type'
        | 'file_active_content'
        | 'file_not_stored'
        | 'period_outside_year';
    };

/** Keeps a file name readable and harmless (no paths, no control characters). */
function cleanFileName(name: string, extension: string): string {
  const base = cutText(
    (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim(),
    150,
    '',
  );
  const stem = base.replace(/\.[^.]*$/, '') || 'minh-chung';
  return `${stem}.${extension}`;
}

/**
 * What every change to a result's evidence does besides itself, in its transaction: it answers a
 * return on that result, recounts the dossier's criteria without evidence, and it is audited
 * with the item as it was (removed) or now is (added).
 */
async function evidenceChanged(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  action: 'evidence.add' | 'evidence.remove',
  result: {
    id: number;
    assessmentId: number;
    assessment: { unit: { province: { code: string } } };
  },
  item: { id: number },
) {
  await markReturnAnswered(tx, result.id);
  await refreshSummary(tx, result.assessmentId);
  const snapshot = { resultId: result.id, ...item };
  await recordAudit(tx, actor, {
    action,
    entity: 'evidence',
    entityId: item.id,
    provinceCode: result.assessment.unit.province.code,
    ...(action === 'evidence.add' ? { after: snapshot } : { before: snapshot }),
  });
}

export async function addEvidence(
  actor: AuditActor,
  scope: Scope,
  input: EvidenceInput,
  file: StagedFile | null,
  maxBytes: number,
): Promise<EvidenceOutcome> {
  let stored: {
    sha256: string;
    size: number;
    mimeType: string;
    fileName: string;
    pieces: StagedFile['pieces'];
  } | null = null;
  if (input.kind === 'FILE') {
    if (!file) return { ok: false, error: 'file_required' };
    if (file.size === 0) return { ok: false, error: 'file_empty' };
    if (file.size > maxBytes) return { ok: false, error: 'file_too_large' };
    const inspected = await inspectFile(file);
    if (!inspected.ok)
      return {
        ok: false,
        error: inspected.reason === 'active_content' ? 'file_active_content' : 'file_type',
      };
    const { type } = inspected;
    stored = {
      sha256: file.sha256,
      size: file.size,
      mimeType: type.mime,
      fileName: cleanFileName(file.name, type.extension),
      pieces: (pieceBytes) => file.pieces(pieceBytes),
    };
  }
  // Checked before the bytes are stored (a refusal then costs nothing), and again when linked.
  const first = await openResult(db(), scope, input);
  if ('refusal' in first) return { ok: false, error: first.refusal };
  if (stored) {
    try {
      await blobStore.put(stored);
    } catch (error) {
      // The database went away mid-file, say: nothing half-stored stays, and the user is told.
      log.error({ err: errorField(error), resultId: input.resultId }, 'evidence not stored');
      await blobStore.discard(stored.sha256).catch(() => undefined);
      return { ok: false, error: 'file_not_stored' };
    }
  }
  const outcome = await db().$transaction(async (tx) => {
    const checked = await openResult(tx, scope, input);
    if ('refusal' in checked) return { ok: false, error: checked.refusal } as const;
    const { result } = checked;
    if (stored) {
      // The bytes must be there, whole, and stay while this transaction links them.
      const blob = await tx.$queryRaw<{ stored_at: Date | null }[]>`
        SELECT stored_at FROM blobs WHERE sha256 = ${stored.sha256} FOR SHARE`;
      if (!blob[0]?.stored_at) return { ok: false, error: 'file_not_stored' } as const;
    }
    const outside = periodOutsideYear(input.periodFrom, input.periodTo, result.assessment.year);
    const created = await tx.evidence.create({
      data: {
        resultId: result.id,
        kind: input.kind,
        title: input.title,
        periodFrom: input.periodFrom ?? null,
        periodTo: input.periodTo ?? null,
        url: input.kind === 'LINK' ? input.url : null,
        note: input.note,
        fileName: stored?.fileName ?? null,
        mimeType: stored?.mimeType ?? null,
        size: stored?.size ?? null,
        sha256: stored?.sha256 ?? null,
        periodReason: outside ? input.periodReason : null,
        createdById: actor.userId,
      },
      select: {
        id: true,
        kind: true,
        title: true,
        url: true,
        fileName: true,
        mimeType: true,
        size: true,
        sha256: true,
        periodReason: true,
      },
    });
    await evidenceChanged(tx, actor, 'evidence.add', result, created);
    return { ok: true, id: created.id } as const;
  });
  // Refused at the last moment (the sheet was submitted meanwhile): the bytes go too.
  if (!outcome.ok && stored) await blobStore.discard(stored.sha256);
  return outcome;
}

/** The result evidence is added to, when the user owns it and it is open; else why not. */
async function openResult(
  client: Prisma.TransactionClient,
  scope: Scope,
  input: EvidenceInput,
): Promise<
  | { refusal: 'not_found' | 'locked' | 'period_outside_year' }
  | { result: NonNullable<Awaited<ReturnType<typeof findResult>>> }
> {
  const result = await findResult(client, scope, input.resultId);
  if (!result) return { refusal: 'not_found' };
  // Evidence follows the result it supports.
  if (!isOpenForChange(result)) return { refusal: 'locked' };
  const outside = periodOutsideYear(input.periodFrom, input.periodTo, result.assessment.year);
  if (outside && !input.periodReason) return { refusal: 'period_outside_year' };
  return { result };
}

const findResult = (client: Prisma.TransactionClient, scope: Scope, id: number) =>
  client.criterionResult.findFirst({
    where: { id, assessment: { unit: ownedUnitWhere(scope) } },
    select: lockFields,
  });

/** Removal hides the item; the row, its bytes and the audit event stay, so nothing is lost. */
export async function removeEvidence(
  actor: AuditActor,
  scope: Scope,
  evidenceId: number,
): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'locked' }> {
  return db().$transaction(async (tx) => {
    const item = await tx.evidence.findFirst({
      where: {
        id: evidenceId,
        removedAt: null,
        result: { assessment: { unit: ownedUnitWhere(scope) } },
      },
      select: {
        id: true,
        kind: true,
        title: true,
        url: true,
        note: true,
        fileName: true,
        sha256: true,
        result: { select: lockFields },
      },
    });
    if (!item) return { ok: false, error: 'not_found' } as const;
    if (!isOpenForChange(item.result)) return { ok: false, error: 'locked' } as const;
    await tx.evidence.update({
      where: { id: item.id },
      data: { removedAt: new Date(), removedById: actor.userId },
    });
    const { result, ...before } = item;
    await evidenceChanged(tx, actor, 'evidence.remove', result, before);
    return { ok: true } as const;
  });
}

/** An evidence file that is still attached, within the user's scope. */
function liveFileWhere(scope: Scope, evidenceId: number) {
  return {
    id: evidenceId,
    kind: 'FILE',
    removedAt: null,
    result: { assessment: { unit: unitScopeWhere(scope) } },
  } satisfies Prisma.EvidenceWhereInput;
}

export async function getEvidenceFile(scope: Scope, evidenceId: number) {
  const item = await db().evidence.findFirst({
    where: liveFileWhere(scope, evidenceId),
    select: {
      fileName: true,
      mimeType: true,
      size: true,
      sha256: true,
      result: {
        select: {
          assessment: { select: { unit: { select: { province: { select: { code: true } } } } } },
        },
      },
    },
  });
  if (!item?.sha256) return null;
  const stream = await blobStore.open(item.sha256);
  return stream
    ? {
        fileName: item.fileName ?? 'minh-chung',
        mimeType: item.mimeType ?? 'application/octet-stream',
        size: item.size ?? 0,
        provinceCode: item.result.assessment.unit.province.code,
        stream,
      }
    : null;
}

/**
 * A small preview of an evidence picture, to users whose scope holds it; null for anything else
 * (a PDF, an Office file, a removed item, a picture that cannot be decoded). Made on the first
 * showing and kept with the bytes, so later showings read a few kilobytes.
 */
export async function getEvidenceThumbnail(
  scope: Scope,
  evidenceId: number,
): Promise<Uint8Array | null> {
  const item = await db().evidence.findFirst({
    where: liveFileWhere(scope, evidenceId),
    select: { mimeType: true, sha256: true },
  });
  if (!item?.sha256 || viewableAs(item.mimeType) !== 'image') return null;
  const kept = await blobStore.thumbnail(item.sha256);
  if (kept) return kept;
  const source = await blobStore.open(item.sha256);
  const made = source && (await makeThumbnail(source));
  if (made) await blobStore.keepThumbnail(item.sha256, made);
  return made;
}
