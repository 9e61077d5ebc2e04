import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { changedFields, readSnapshot, type ResultSnapshot } from '@/lib/domain/returns';
import { unitPath, wardName } from '@/lib/domain/units';
import { oneLine } from '@/lib/i18n/notification-text';
import type { Scope } from '@/lib/domain/permissions';
import type { CommentInput, ReturnResponseInput } from '@/lib/validations/assessments';
import { recordAudit, type AuditActor } from '../audit';
import { audienceWhere, notify } from '../notifications/notifications';
import { ownedUnitWhere, recordScopeOf } from '../scope';
import { isOpenForChange, lockFields } from './summary';
import { cutText } from '@/lib/domain/text-cut';

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

/** The Ministry's steps: a comment then concerns its inspectors too. */
const MINISTRY_STEPS = new Set(['PROPOSED', 'INSPECTING']);

/**
 * A comment on a criterion without returning it: the thread under each criterion, open to the
 * ward, its province and the Ministry, in any status. Audited; out of scope is "not found".
 * Told, in the same transaction, to the dossier's ward and province, and to the Ministry's
 * inspectors while the dossier is with them or once one of them wrote in the thread; never to
 * the author.
 */
export async function addComment(
  actor: AuditActor,
  scope: Scope,
  input: CommentInput,
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> {
  return db().$transaction(async (tx) => {
    const result = await tx.criterionResult.findFirst({
      where: { id: input.resultId, assessment: { unit: ownedUnitWhere(scope) } },
      select: {
        id: true,
        criterion: { select: { number: true } },
        comments: { where: { stage: 'MINISTRY' }, select: { id: true }, take: 1 },
        assessment: {
          select: {
            id: true,
            year: true,
            status: true,
            unit: {
              select: {
                id: true,
                code: true,
                name: true,
                validTo: true,
                provinceId: true,
                province: true,
              },
            },
          },
        },
      },
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
      select: { id: true, author: { select: { name: true } } },
    });
    const { assessment } = result;
    const record = recordScopeOf(assessment.unit);
    const ministry = MINISTRY_STEPS.has(assessment.status) || result.comments.length > 0;
    const body = oneLine(input.body);
    await notify(tx, {
      kind: 'COMMENTED',
      key: `comment:${comment.id}`,
      where: ministry
        ? { OR: [audienceWhere('wardAndProvince', record), audienceWhere('ministry', record)] }
        : audienceWhere('wardAndProvince', record),
      exceptUserId: actor.userId,
      assessmentId: assessment.id,
      params: {
        ward: wardName(assessment.unit.name),
        year: assessment.year,
        by: comment.author?.name ?? actor.email ?? undefined,
        criterion: result.criterion.number,
        excerpt: cutText(body, 120),
        href: `${unitPath(assessment.unit, assessment.year)}#criterion-${result.criterion.number}`,
      },
    });
    await recordAudit(tx, actor, {
      action: 'result.comment',
      entity: 'comment',
      entityId: comment.id,
      provinceCode: assessment.unit.province.code,
      after: { resultId: result.id, body: input.body },
    });
    return { ok: true } as const;
  });
}
