import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { periodOutsideYear } from '@/lib/domain/evidence-period';
import { inspectFile } from '@/lib/domain/file-type';
import type { Scope } from '@/lib/permissions';
import type { StagedFile } from '@/lib/uploads';
import type { EvidenceInput } from '@/lib/validations/assessments';
import { recordAudit, type AuditActor } from './audit';
import { markReturnAnswered } from './assessments/returns';
import { isOpenForChange, lockFields } from './assessments/summary';
import { blobStore } from './blob-store';
import { ownedUnitWhere, unitScopeWhere } from './scope';

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
        | 'period_outside_year';
    };

/** Keeps a file name readable and harmless (no paths, no control characters). */
function cleanFileName(name: string, extension: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .trim()
    .slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, '') || 'minh-chung';
  return `${stem}.${extension}`;
}

/**
 * What every change to a result's evidence does besides itself, in its transaction: it answers a
 * return on that result, and it is audited with the item as it was (removed) or now is (added).
 */
async function evidenceChanged(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  action: 'evidence.add' | 'evidence.remove',
  result: { id: number; assessment: { unit: { province: { code: string } } } },
  item: { id: number },
) {
  await markReturnAnswered(tx, result.id);
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
  return db().$transaction(async (tx) => {
    const result = await tx.criterionResult.findFirst({
      where: { id: input.resultId, assessment: { unit: ownedUnitWhere(scope) } },
      select: lockFields,
    });
    if (!result) return { ok: false, error: 'not_found' } as const;
    // Evidence follows the result it supports.
    if (!isOpenForChange(result)) return { ok: false, error: 'locked' } as const;
    const outside = periodOutsideYear(input.periodFrom, input.periodTo, result.assessment.year);
    if (outside && !input.periodReason) return { ok: false, error: 'period_outside_year' } as const;
    if (stored) await blobStore().put(tx, stored);
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
}

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

export async function getEvidenceFile(scope: Scope, evidenceId: number) {
  const item = await db().evidence.findFirst({
    where: {
      id: evidenceId,
      kind: 'FILE',
      removedAt: null,
      result: { assessment: { unit: unitScopeWhere(scope) } },
    },
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
  const stream = await blobStore().open(item.sha256);
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
