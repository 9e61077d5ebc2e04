import 'server-only';
import type { ReviewStage } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { dayOf, latenessOf, type Lateness } from '@/lib/domain/calendar';
import { checkEvidence, EVIDENCE_CHECKED_STEPS } from '@/lib/domain/evidence-check';
import { unansweredReturns } from '@/lib/domain/returns';
import { unitPath, wardName } from '@/lib/domain/units';
import {
  checkTransition,
  findTransition,
  resolveStep,
  type AssessmentStatus,
  type ReturnOrigin,
} from '@/lib/domain/workflow';
import { can, type Scope } from '@/lib/domain/permissions';
import type { TransitionInput } from '@/lib/validations/assessments';
import { recordAudit, type AuditActor } from '../audit';
import { getYearCalendar } from '../programme/calendar';
import { notifyStep } from '../notifications/notifications';
import { touchProgress, trackProgress } from '../progress/summary';
import { ownedUnitWhere, recordScopeOf } from '../scope';
import { unitSelect } from './summary';
import { effects, type Details, type Move, type Tx } from './transition-effects';

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
        | 'bad_item'
        | 'unanswered'
        | 'evidence_required'
        | 'late_reason'
        | 'period_closed';
      /** The criteria in question: returned and unanswered, or required evidence missing. */
      criteria?: number[];
      /** The date passed, for a late step (asked a reason, or refused when closed). */
      late?: Lateness;
    };

/**
 * The history line's note: the decision (and the reason, for a withdrawal), the reason, or the
 * numbers of the criteria that went back (the page labels them: "Tiêu chí trả lại: 3, 7").
 */
function historyNote({ reason, decision, items }: Details, numbers: Map<number, number>): string {
  const decided = decision
    ? `${decision.number} (${decision.date.toISOString().slice(0, 10)})`
    : '';
  if (decided && reason) return `${decided} · ${reason}`;
  if (decided || reason) return decided || reason!;
  return (items ?? [])
    .map((i) => numbers.get(i.resultId))
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b)
    .join(', ');
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
  const progress =
    options.refreshProgress && transition.changesProgress
      ? await trackProgress(tx, [assessment.unitId])
      : null;
  const moved = await tx.assessment.updateMany({
    where: { id: assessment.id, status: from },
    data: { status: transition.to, statusChangedAt: now, version: { increment: 1 } },
  });
  if (moved.count === 0) return false;
  for (const effect of transition.effects) await effects[effect]({ ...move, tx, actor, now });
  const returned = details.items?.length
    ? await tx.criterionResult.findMany({
        where: { id: { in: details.items.map((i) => i.resultId) } },
        select: { id: true, criterion: { select: { number: true } } },
      })
    : [];
  const history = await tx.workflowTransition.create({
    data: {
      assessmentId: assessment.id,
      fromStatus: from,
      toStatus: transition.to,
      actorId: actor.userId,
      reason: historyNote(details, new Map(returned.map((r) => [r.id, r.criterion.number]))),
      createdAt: now,
    },
    select: { id: true, actor: { select: { name: true } } },
  });
  const params = {
    ward: wardName(assessment.unitName),
    year: assessment.year,
    by: history.actor?.name ?? actor.email ?? undefined,
    reason: details.reason,
    count: details.items?.length,
    due: details.fixBy ? details.fixBy.toISOString().slice(0, 10) : undefined,
    // A return leads to what was returned: its one criterion, or the summary listing them.
    href:
      returned.length === 1
        ? `${assessment.path}#criterion-${returned[0]!.criterion.number}`
        : returned.length > 1
          ? `${assessment.path}#returns-summary`
          : assessment.path,
  };
  for (const [told, key] of [
    [transition.notify, `step:${history.id}`],
    [transition.inform, `step:${history.id}:inform`],
  ] as const)
    if (told)
      await notifyStep(tx, {
        ...told,
        key,
        assessmentId: assessment.id,
        record: assessment.record,
        actorId: actor.userId,
        params,
      });
  await recordAudit(tx, actor, {
    action: `assessment.${transition.name}`,
    entity: 'assessment',
    entityId: assessment.id,
    provinceCode: assessment.provinceCode,
    before: { status: from },
    after: { status: transition.to, ...details, items: details.items ?? [], ...move.audit },
  });
  // A step that changes no count still changes the status the ward tables show (a caller that
  // keeps the summaries itself raises the counter with them).
  if (progress) await progress();
  else if (options.refreshProgress) await touchProgress(tx, [assessment.unitId]);
  return true;
}

/** One workflow step asked for by a user, checked against the record's scope and the table. */
export async function transitionAssessment(
  actor: AuditActor,
  scope: Scope,
  input: TransitionInput,
): Promise<TransitionOutcome> {
  return db().$transaction(async (tx) => {
    const assessment = await tx.assessment.findFirst({
      where: { id: input.assessmentId, unit: ownedUnitWhere(scope) },
      select: {
        id: true,
        year: true,
        status: true,
        isAttained: true,
        fixBy: true,
        returnedBy: true,
        returnedFrom: true,
        unit: { select: unitSelect },
        results: {
          select: {
            id: true,
            state: true,
            criterion: { select: { number: true, evidenceRequired: true } },
            _count: { select: { evidence: { where: { removedAt: null } } } },
            comments: {
              where: { isReturn: true, resolvedAt: null },
              select: { answeredAt: true },
            },
          },
        },
      },
    });
    if (!assessment) return { ok: false, error: 'not_found' } as const;
    const from = assessment.status;
    const returned = returnOriginOf(from, assessment);
    // The step as taken on this dossier (a fix after the Ministry's return goes back to it).
    const transition = resolveStep(findTransition(input.name), returned);
    if (!can(scope, transition.permission, recordScopeOf(assessment.unit)))
      return { ok: false, error: 'forbidden' } as const;
    const items = input.items ?? [];
    const unanswered = unansweredReturns(
      assessment.results.flatMap((r) =>
        r.comments.map((c) => ({ criterion: r.criterion.number, answeredAt: c.answeredAt })),
      ),
    );
    const check = checkTransition(transition.name, from, {
      results: assessment.results.map((r) => ({ state: r.state })),
      isAttained: assessment.isAttained,
      returnItems: items.length,
      unansweredReturns: unanswered.length,
    });
    if (!check.ok)
      return check.reason === 'unanswered'
        ? ({ ok: false, error: 'unanswered', criteria: unanswered } as const)
        : ({ ok: false, error: check.reason } as const);
    // Steps that send the dossier on check its evidence: refused while a criterion that requires
    // evidence has none; otherwise the criteria without any are recorded with the step (the
    // panel warned with their numbers before it was taken).
    const evidence = EVIDENCE_CHECKED_STEPS.has(transition.name)
      ? checkEvidence(
          assessment.results.map((r) => ({
            number: r.criterion.number,
            state: r.state,
            evidenceCount: r._count.evidence,
            evidenceRequired: r.criterion.evidenceRequired,
          })),
        )
      : null;
    if (evidence?.required.length)
      return { ok: false, error: 'evidence_required', criteria: evidence.required } as const;
    const resultIds = new Set(assessment.results.map((r) => r.id));
    if (items.some((i) => !resultIds.has(i.resultId)))
      return { ok: false, error: 'bad_item' } as const;
    // Sending a dossier up after its date: refused when the Ministry closed the period, else
    // taken with the reason the user gave (kept in the history and the audit event).
    const late =
      transition.name === 'submit'
        ? latenessOf(
            'submit',
            await getYearCalendar(assessment.year, tx),
            dayOf(new Date()),
            returned ? { fixBy: isoDay(assessment.fixBy) } : null,
          )
        : null;
    if (late?.closed) return { ok: false, error: 'period_closed', late } as const;
    if (late && !input.reason) return { ok: false, error: 'late_reason', late } as const;
    const moved = await moveAssessment(tx, actor, {
      assessment: {
        id: assessment.id,
        year: assessment.year,
        unitId: assessment.unit.id,
        unitName: assessment.unit.name,
        path: unitPath(assessment.unit, assessment.year),
        provinceCode: assessment.unit.province.code,
        record: recordScopeOf(assessment.unit),
      },
      transition,
      from,
      details: { items, decision: input.decision, reason: input.reason, fixBy: input.fixBy },
      audit: {
        ...(evidence ? { criteriaWithoutEvidence: evidence.bare } : {}),
        ...(late ? { late } : {}),
        ...(returned ? { returnedBy: returned.stage } : {}),
      },
    });
    if (!moved) return { ok: false, error: 'stale' } as const;
    return { ok: true, status: transition.to } as const;
  });
}

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Who returned a returned dossier, and from which status (null for any other dossier). */
function returnOriginOf(
  status: AssessmentStatus,
  a: { returnedBy: ReviewStage | null; returnedFrom: AssessmentStatus | null },
): ReturnOrigin | null {
  if (status !== 'RETURNED') return null;
  return {
    stage: a.returnedBy === 'MINISTRY' ? 'MINISTRY' : 'PROVINCE',
    from: a.returnedFrom ?? 'SUBMITTED',
  };
}
