import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { snapshotOf } from '@/lib/domain/returns';
import type { AssessmentStatus, Transition, TransitionEffect } from '@/lib/domain/workflow';
import type { RecordScope } from '@/lib/domain/permissions';
import type { TransitionInput } from '@/lib/validations/assessments';
import type { AuditActor } from '../audit';

export type Details = Pick<TransitionInput, 'items' | 'decision' | 'reason' | 'fixBy'>;

export interface Move {
  assessment: {
    id: number;
    year: number;
    unitId: number;
    unitName: string;
    /** The sheet's address, for the inbox line. */
    path: string;
    provinceCode: string;
    record: RecordScope;
  };
  transition: Transition;
  from: AssessmentStatus;
  details: Details;
  /** Extra facts for the audit event's `after`. */
  audit?: Record<string, unknown>;
}

export type Tx = Prisma.TransactionClient;
type EffectContext = Move & { tx: Tx; actor: AuditActor; now: Date };

/** What each effect named in the workflow table writes, inside the step's transaction. */
export const effects: Record<TransitionEffect, (c: EffectContext) => Promise<unknown>> = {
  stampSubmission: ({ tx, assessment, now }) =>
    tx.assessment.update({ where: { id: assessment.id }, data: { submittedAt: now } }),
  closeReturns: async ({ tx, assessment, now }) => {
    await tx.assessment.update({
      where: { id: assessment.id },
      data: { fixBy: null, returnedBy: null, returnedFrom: null },
    });
    await tx.criterionResult.updateMany({
      where: { assessmentId: assessment.id, isReopened: true },
      data: { isReopened: false },
    });
    await tx.reviewComment.updateMany({
      where: { result: { assessmentId: assessment.id }, isReturn: true, resolvedAt: null },
      data: { resolvedAt: now },
    });
  },
  reopenItems: async ({ tx, actor, assessment, transition, from, details, now }) => {
    const items = details.items ?? [];
    // The return's own date, who returned it and from where (the fix goes back there).
    await tx.assessment.update({
      where: { id: assessment.id },
      data: {
        fixBy: details.fixBy ?? null,
        returnedBy: transition.stage ?? 'PROVINCE',
        returnedFrom: from,
      },
    });
    const results = await tx.criterionResult.findMany({
      where: { id: { in: items.map((i) => i.resultId) } },
      select: { id: true, state: true, value: true, baseline: true, note: true },
    });
    const asReturned = new Map(results.map((r) => [r.id, snapshotOf({ ...r, state: r.state })]));
    // updatedAt is not touched: "last saved" stays the last save (savedAt), not the return.
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
        createdAt: now,
        returnedAs: { ...asReturned.get(i.resultId) },
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
        withdrawnNumber: null,
        withdrawnOn: null,
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
        withdrawnNumber: details.decision?.number ?? null,
        withdrawnOn: details.decision?.date ?? null,
      },
    }),
};
