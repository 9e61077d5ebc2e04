import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import type { ResultState } from '@/lib/domain/attainment';
import {
  checkTransition,
  findTransition,
  type AssessmentStatus,
  type Transition,
  type TransitionEffect,
} from '@/lib/domain/workflow';
import { can, type Scope } from '@/lib/permissions';
import type { TransitionInput } from '@/lib/validations/assessments';
import { recordAudit, type AuditActor } from '../audit';
import { refreshProgressForUnits } from '../progress-summary';
import { recordScopeOf, unitScopeWhere } from '../scope';
import { unitSelect } from './summary';

export type TransitionOutcome =
  | { ok: true; status: AssessmentStatus }
  | {
      ok: false;
      error:
        | 'not_found'
        | 'forbidden'
        | 'stale'
        | 'not_allowed_from_status'
        | 'incomplete'
        | 'not_attained'
        | 'no_items'
        | 'bad_item';
    };

type Details = Pick<TransitionInput, 'items' | 'decision' | 'reason'>;

interface Move {
  assessment: { id: number; year: number; unitId: number; provinceCode: string };
  transition: Transition;
  from: AssessmentStatus;
  details: Details;
  /** Extra facts for the audit event's `after`. */
  audit?: Record<string, unknown>;
}

type Tx = Prisma.TransactionClient;
type EffectContext = Move & { tx: Tx; actor: AuditActor; now: Date };

/** What each effect named in the workflow table writes, inside the step's transaction. */
const effects: Record<TransitionEffect, (c: EffectContext) => Promise<unknown>> = {
  stampSubmission: ({ tx, assessment, now }) =>
    tx.assessment.update({ where: { id: assessment.id }, data: { submittedAt: now } }),
  closeReturns: async ({ tx, assessment, now }) => {
    await tx.criterionResult.updateMany({
      where: { assessmentId: assessment.id, isReopened: true },
      data: { isReopened: false },
    });
    await tx.reviewComment.updateMany({
      where: { result: { assessmentId: assessment.id }, isReturn: true, resolvedAt: null },
      data: { resolvedAt: now },
    });
  },
  reopenItems: async ({ tx, actor, transition, details }) => {
    const items = details.items ?? [];
    await tx.criterionResult.updateMany({
      where: { id: { in: items.map((i) => i.resultId) } },
      data: { isReopened: true },
    });
    await tx.reviewComment.createMany({
      data: items.map((i) => ({
        resultId: i.resultId,
        authorId: actor.userId,
        stage: transition.stage ?? 'PROVINCE',
        isReturn: true,
        body: i.reason,
      })),
    });
  },
  recordDecision: ({ tx, actor, assessment, details }) => {
    const { number, date } = details.decision!;
    return tx.recognitionDecision.upsert({
      where: { assessmentId: assessment.id },
      create: {
        assessmentId: assessment.id,
        number,
        decidedOn: date,
        year: assessment.year,
        createdById: actor.userId,
      },
      update: {
        number,
        decidedOn: date,
        withdrawnAt: null,
        withdrawnReason: null,
        withdrawnById: null,
      },
    });
  },
  withdrawDecision: ({ tx, actor, assessment, details, now }) =>
    tx.recognitionDecision.update({
      where: { assessmentId: assessment.id },
      data: {
        withdrawnAt: now,
        withdrawnReason: details.reason ?? '',
        withdrawnById: actor.userId,
      },
    }),
};

/** The history line's note: the reason, the decision, or how many criteria went back. */
function historyNote({ reason, decision, items }: Details): string {
  if (reason) return reason;
  if (decision) return `${decision.number} (${decision.date.toISOString().slice(0, 10)})`;
  return items?.length ? `${items.length}` : '';
}

/**
 * Moves one assessment along one step of the workflow table, inside the caller's transaction:
 * conditional on the status read (two reviewers acting at once cannot both move it), the step's
 * effects, the history line and the audit event. `refreshProgress: false` leaves the dashboard
 * summaries to a caller that moves many at once. False when another writer moved it first.
 */
export async function moveAssessment(
  tx: Tx,
  actor: AuditActor,
  move: Move,
  options: { refreshProgress: boolean } = { refreshProgress: true },
): Promise<boolean> {
  const { assessment, transition, from, details } = move;
  const now = new Date();
  const moved = await tx.assessment.updateMany({
    where: { id: assessment.id, status: from },
    data: { status: transition.to, statusChangedAt: now, version: { increment: 1 } },
  });
  if (moved.count === 0) return false;
  for (const effect of transition.effects) await effects[effect]({ ...move, tx, actor, now });
  await tx.workflowTransition.create({
    data: {
      assessmentId: assessment.id,
      fromStatus: from,
      toStatus: transition.to,
      actorId: actor.userId,
      reason: historyNote(details),
      createdAt: now,
    },
  });
  await recordAudit(tx, actor, {
    action: `assessment.${transition.name}`,
    entity: 'assessment',
    entityId: assessment.id,
    provinceCode: assessment.provinceCode,
    before: { status: from },
    after: { status: transition.to, ...details, items: details.items ?? [], ...move.audit },
  });
  if (options.refreshProgress && transition.changesProgress)
    await refreshProgressForUnits(tx, [assessment.unitId]);
  return true;
}

/** One workflow step asked for by a user, checked against the record's scope and the table. */
export async function transitionAssessment(
  actor: AuditActor,
  scope: Scope,
  input: TransitionInput,
): Promise<TransitionOutcome> {
  const transition = findTransition(input.name);
  return db().$transaction(async (tx) => {
    const assessment = await tx.assessment.findFirst({
      where: { id: input.assessmentId, unit: unitScopeWhere(scope) },
      select: {
        id: true,
        year: true,
        status: true,
        isAttained: true,
        unit: { select: unitSelect },
        results: { select: { id: true, state: true } },
      },
    });
    if (!assessment) return { ok: false, error: 'not_found' } as const;
    if (!can(scope, transition.permission, recordScopeOf(assessment.unit)))
      return { ok: false, error: 'forbidden' } as const;
    const from = assessment.status as AssessmentStatus;
    const items = input.items ?? [];
    const check = checkTransition(transition.name, from, {
      results: assessment.results.map((r) => ({ state: r.state as ResultState })),
      isAttained: assessment.isAttained,
      returnItems: items.length,
    });
    if (!check.ok) return { ok: false, error: check.reason } as const;
    const resultIds = new Set(assessment.results.map((r) => r.id));
    if (items.some((i) => !resultIds.has(i.resultId)))
      return { ok: false, error: 'bad_item' } as const;
    const moved = await moveAssessment(tx, actor, {
      assessment: {
        id: assessment.id,
        year: assessment.year,
        unitId: assessment.unit.id,
        provinceCode: assessment.unit.province.code,
      },
      transition,
      from,
      details: { items, decision: input.decision, reason: input.reason },
    });
    if (!moved) return { ok: false, error: 'stale' } as const;
    return { ok: true, status: check.to } as const;
  });
}
