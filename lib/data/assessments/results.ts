import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { ResultState } from '@/lib/domain/attainment';
import { resolveState, type ValueProblem } from '@/lib/domain/measures';
import { isResultEditable } from '@/lib/domain/workflow';
import type { Scope } from '@/lib/domain/permissions';
import type { SaveResultInput } from '@/lib/validations/assessments';
import { recordAudit, type AuditActor } from '../audit';
import { trackProgress } from '../progress/summary';
import { ownedUnitWhere } from '../scope';
import { markResultAnswered } from './returns';
import { measureFields, refreshSummary, resultFields } from './summary';

export type SaveResultOutcome =
  | { ok: true; version: number; state: ResultState; value: number | null; baseline: number | null }
  | { ok: false; error: 'not_found' | 'locked' }
  | { ok: false; error: 'invalid'; problem: ValueProblem }
  | {
      ok: false;
      error: 'conflict';
      current: {
        state: ResultState;
        value: number | null;
        baseline: number | null;
        note: string;
        version: number;
        savedAt: Date | null;
        updatedBy: string | null;
      };
    };

export async function saveResult(
  actor: AuditActor,
  scope: Scope,
  input: SaveResultInput,
): Promise<SaveResultOutcome> {
  return db().$transaction((tx) =>
    writeResult(tx, actor, scope, input, { action: 'result.update', refreshProgress: true }),
  );
}

/**
 * Writes one result over the version its author started from, inside the caller's transaction:
 * the one path for the sheet and for imports. `refreshProgress: false` leaves the dashboard
 * summaries to the caller (an import refreshes once, at the end).
 */
export async function writeResult(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  scope: Scope,
  input: SaveResultInput,
  options: { action: 'result.update' | 'result.import'; refreshProgress: boolean },
): Promise<SaveResultOutcome> {
  const result = await tx.criterionResult.findFirst({
    where: { id: input.resultId, assessment: { unit: ownedUnitWhere(scope) } },
    select: {
      ...resultFields,
      assessmentId: true,
      assessment: {
        select: {
          status: true,
          year: true,
          unit: { select: { id: true, province: { select: { code: true } } } },
        },
      },
      criterion: { select: measureFields },
    },
  });
  if (!result) return { ok: false, error: 'not_found' } as const;
  if (!isResultEditable(result.assessment.status, result.isReopened))
    return { ok: false, error: 'locked' } as const;
  const resolved = resolveState(result.criterion, input.state, {
    value: input.value,
    baseline: input.baseline,
  });
  if (!resolved.ok) return { ok: false, error: 'invalid', problem: resolved.problem } as const;

  // Only a change of state can change what the dashboards count.
  const progress =
    options.refreshProgress && resolved.state !== result.state
      ? await trackProgress(tx, [result.assessment.unit.id], [result.assessment.year])
      : null;
  // Only over the version the user started from: a newer save is never overwritten.
  const updated = await tx.criterionResult.updateMany({
    where: { id: result.id, version: input.version },
    data: {
      state: resolved.state,
      value: input.value,
      baseline: result.criterion.measureKind === 'CHANGE' ? input.baseline : null,
      note: input.note,
      version: { increment: 1 },
      updatedById: actor.userId,
      savedAt: new Date(),
    },
  });
  if (updated.count === 0) {
    const current = await tx.criterionResult.findUniqueOrThrow({
      where: { id: result.id },
      select: {
        state: true,
        value: true,
        baseline: true,
        note: true,
        version: true,
        savedAt: true,
        updatedBy: { select: { name: true } },
      },
    });
    return {
      ok: false,
      error: 'conflict',
      current: {
        ...current,
        state: current.state,
        updatedBy: current.updatedBy?.name ?? null,
      },
    } as const;
  }
  await refreshSummary(tx, result.assessmentId);
  await markResultAnswered(tx, result.id, {
    state: resolved.state,
    value: input.value,
    baseline: result.criterion.measureKind === 'CHANGE' ? input.baseline : null,
    note: input.note,
  });
  await progress?.();
  await recordAudit(tx, actor, {
    action: options.action,
    entity: 'result',
    entityId: result.id,
    provinceCode: result.assessment.unit.province.code,
    before: {
      criterion: result.criterion.number,
      state: result.state,
      value: result.value,
      baseline: result.baseline,
      note: result.note,
      version: result.version,
    },
    after: {
      criterion: result.criterion.number,
      state: resolved.state,
      value: input.value,
      baseline: input.baseline,
      note: input.note,
      version: input.version + 1,
    },
  });
  return {
    ok: true,
    version: input.version + 1,
    state: resolved.state,
    value: input.value,
    baseline: result.criterion.measureKind === 'CHANGE' ? input.baseline : null,
  } as const;
}
