import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { changedFields, readSnapshot, type ResultSnapshot } from '@/lib/domain/returns';
import type { Scope } from '@/lib/permissions';
import type { CommentInput, ReturnResponseInput } from '@/lib/validations/assessments';
import { recordAudit, type AuditActor } from '../audit';
import { ownedUnitWhere } from '../scope';
import { isOpenForChange, lockFields } from './summary';

type Tx = Prisma.TransactionClient;

/** The open returns of one result, with what it looked like when returned. */
const openReturns = (resultId: number) =>
  ({ resultId, isReturn: true, resolvedAt: null }) satisfies Prisma.ReviewCommentWhereInput;

/** The result's evidence changed: its open returns count as answered. */
export async function markReturnAnswered(tx: Tx, resultId: number): Promise<void> {
  await tx.reviewComment.updateMany({
    where: { ...openReturns(resultId), answeredAt: null },
    data: { answeredAt: new Date() },
  });
}

/**
 * The result was saved: each open return is answered while the result differs from what was
 * returned, and open again if the user puts back exactly what was returned (unless the evidence
 * or a written response answered it).
 */
export async function markResultAnswered(tx: Tx, resultId: number, now: ResultSnapshot) {
  const returns = await tx.reviewComment.findMany({
    where: openReturns(resultId),
    select: { id: true, returnedAs: true, answeredAt: true, response: true },
  });
  for (const r of returns) {
    const before = readSnapshot(r.returnedAs);
    const changed = !before || changedFields(before, now).length > 0;
    if (changed && !r.answeredAt)
      await tx.reviewComment.update({ where: { id: r.id }, data: { answeredAt: new Date() } });
  }
}

export type RespondOutcome = { ok: true } | { ok: false; error: 'not_found' | 'locked' };

/** The ward answers a return in writing (the reviewer reads it next to the reason). */
export async function respondToReturn(
  actor: AuditActor,
  scope: Scope,
  input: ReturnResponseInput,
): Promise<RespondOutcome> {
  return db().$transaction(async (tx) => {
    const comment = await tx.reviewComment.findFirst({
      where: {
        id: input.commentId,
        isReturn: true,
        resolvedAt: null,
        result: { assessment: { unit: ownedUnitWhere(scope) } },
      },
      select: {
        id: true,
        response: true,
        result: { select: lockFields },
      },
    });
    if (!comment) return { ok: false, error: 'not_found' } as const;
    if (!isOpenForChange(comment.result)) return { ok: false, error: 'locked' } as const;
    const { assessment } = comment.result;
    await tx.reviewComment.update({
      where: { id: comment.id },
      data: { response: input.response, answeredAt: new Date() },
    });
    await recordAudit(tx, actor, {
      action: 'result.respond',
      entity: 'comment',
      entityId: comment.id,
      provinceCode: assessment.unit.province.code,
      before: { response: comment.response },
      after: { response: input.response },
    });
    return { ok: true } as const;
  });
}

/**
 * A comment on a criterion without returning it: the thread under each criterion, open to the
 * ward, its province and the Ministry, in any status. Audited; out of scope is "not found".
 */
export async function addComment(
  actor: AuditActor,
  scope: Scope,
  input: CommentInput,
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> {
  return db().$transaction(async (tx) => {
    const result = await tx.criterionResult.findFirst({
      where: { id: input.resultId, assessment: { unit: ownedUnitWhere(scope) } },
      select: { id: true, assessment: { select: { unit: { select: { province: true } } } } },
    });
    if (!result) return { ok: false, error: 'not_found' } as const;
    const comment = await tx.reviewComment.create({
      data: {
        resultId: result.id,
        authorId: actor.userId,
        // The stage names the Ministry's comments apart; the page shows each author's role.
        stage: scope.role === 'MINISTRY' ? 'MINISTRY' : 'PROVINCE',
        isReturn: false,
        body: input.body,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'result.comment',
      entity: 'comment',
      entityId: comment.id,
      provinceCode: result.assessment.unit.province.code,
      after: { resultId: result.id, body: input.body },
    });
    return { ok: true } as const;
  });
}
