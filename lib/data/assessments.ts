import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { criteriaShort, summarizeResults, type ResultState } from '@/lib/domain/attainment';
import { resolveState, type ValueProblem } from '@/lib/domain/measures';
import { applicableTarget, targetWardCount } from '@/lib/domain/targets';
import {
  checkTransition,
  findTransition,
  isRegistered,
  isResultEditable,
  type AssessmentStatus,
  type TransitionName,
} from '@/lib/domain/workflow';
import { can, reachOf, type RecordScope, type Scope } from '@/lib/permissions';
import type { SaveResultInput, TransitionInput } from '@/lib/validations/assessments';
import { recordAudit, type AuditActor } from './audit';
import { refreshProgressForUnits } from './progress-summary';
import { recordScopeOf, unitScopeWhere } from './scope';
import { listWardsOfYear, unitAt } from './wards';

const unitSelect = {
  id: true,
  code: true,
  name: true,
  fullName: true,
  provinceId: true,
  validTo: true,
  countsUnderId: true,
  province: { select: { code: true, name: true, validTo: true } },
  successors: {
    select: { newUnit: { select: { id: true, code: true, name: true, provinceId: true } } },
  },
} satisfies Prisma.UnitSelect;

/** Recomputes an assessment's stored counts from its results (call inside the write's transaction). */
async function refreshSummary(tx: Prisma.TransactionClient, assessmentId: number): Promise<void> {
  // One after the other: a transaction is one connection.
  const rows = await tx.criterionResult.findMany({
    where: { assessmentId },
    select: { state: true },
  });
  const total = await tx.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { criteriaSet: { select: { _count: { select: { criteria: true } } } } },
  });
  const s = summarizeResults(
    rows.map((r) => r.state as ResultState),
    total.criteriaSet._count.criteria,
  );
  await tx.assessment.update({
    where: { id: assessmentId },
    data: {
      totalCriteria: s.total,
      metCount: s.met,
      notMetCount: s.notMet,
      notDueCount: s.notDue,
      inProgressCount: s.inProgress,
      isAttained: s.isAttained,
      criteriaShort: criteriaShort(s.met, s.total),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The assessment sheet

/** A ward's sheet for a year; `on` picks a former unit whose code a unit of today reuses. */
export async function getSheet(scope: Scope, unitCode: string, year: number, on?: string) {
  const assessment = await db().assessment.findFirst({
    where: { year, unit: { ...unitAt(unitCode, on), ...unitScopeWhere(scope) } },
    orderBy: { unit: { validFrom: { sort: 'desc', nulls: 'last' } } },
    select: {
      id: true,
      year: true,
      status: true,
      version: true,
      statusChangedAt: true,
      submittedAt: true,
      totalCriteria: true,
      metCount: true,
      notMetCount: true,
      notDueCount: true,
      inProgressCount: true,
      isAttained: true,
      origin: true,
      unit: { select: unitSelect },
      criteriaSet: {
        select: {
          code: true,
          title: true,
          titleEn: true,
          isProvisional: true,
          pillars: {
            orderBy: { position: 'asc' },
            select: { id: true, position: true, name: true, nameEn: true },
          },
        },
      },
      recognition: {
        select: { number: true, decidedOn: true, withdrawnAt: true, withdrawnReason: true },
      },
      transitions: {
        orderBy: { createdAt: 'asc' },
        select: {
          fromStatus: true,
          toStatus: true,
          reason: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
      results: {
        orderBy: { criterion: { number: 'asc' } },
        select: {
          id: true,
          state: true,
          value: true,
          baseline: true,
          note: true,
          version: true,
          isReopened: true,
          updatedAt: true,
          updatedBy: { select: { name: true } },
          criterion: {
            select: {
              number: true,
              pillarId: true,
              title: true,
              titleEn: true,
              description: true,
              descriptionEn: true,
              evidenceGuidance: true,
              measureKind: true,
              comparator: true,
              threshold: true,
              ratingScale: true,
              ratingScaleEn: true,
            },
          },
          evidence: {
            where: { removedAt: null },
            orderBy: { createdAt: 'asc' },
            select: {
              id: true,
              kind: true,
              title: true,
              periodFrom: true,
              periodTo: true,
              url: true,
              note: true,
              fileName: true,
              mimeType: true,
              size: true,
              createdAt: true,
              createdBy: { select: { name: true } },
            },
          },
          comments: {
            orderBy: { createdAt: 'asc' },
            select: {
              id: true,
              stage: true,
              isReturn: true,
              body: true,
              createdAt: true,
              resolvedAt: true,
              author: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!assessment) return null;
  const record = recordScopeOf(assessment.unit);
  const status = assessment.status as AssessmentStatus;
  const mayEdit = can(scope, 'result.edit', record);
  return {
    ...assessment,
    status,
    record,
    results: assessment.results.map((r) => ({
      ...r,
      editable: mayEdit && isResultEditable(status, r.isReopened),
    })),
  };
}

export type Sheet = NonNullable<Awaited<ReturnType<typeof getSheet>>>;

// ---------------------------------------------------------------------------------------------
// Registration

export interface RegistrationOverview {
  province: { id: number; code: string; name: string };
  year: number;
  wards: {
    id: number;
    code: string;
    name: string;
    status: AssessmentStatus | null;
    assessmentId: number | null;
  }[];
  registered: number;
  target: {
    wards: number;
    kind: 'PERCENT' | 'COUNT';
    value: number;
    origin: 'province' | 'national';
    sourceDocument: string;
  } | null;
  hasCriteriaSet: boolean;
}

export async function getRegistrationOverview(
  scope: Scope,
  provinceCode: string,
  year: number,
): Promise<RegistrationOverview | null> {
  const province = await db().province.findFirst({
    where: {
      code: provinceCode,
      validTo: null,
      ...(reachOf(scope) === 'all' ? {} : { id: scope.provinceId ?? -1 }),
    },
    select: { id: true, code: true, name: true },
  });
  if (!province) return null;
  const [wards, assessments, targets, setYear] = await Promise.all([
    listWardsOfYear(province.id, year),
    db().assessment.findMany({
      where: { year, unit: { provinceId: province.id, validTo: null } },
      select: { id: true, status: true, unitId: true },
    }),
    db().target.findMany({
      where: { year, OR: [{ provinceId: province.id }, { provinceId: null }] },
    }),
    db().criteriaSetYear.findUnique({ where: { year }, select: { criteriaSetId: true } }),
  ]);
  const byUnit = new Map(assessments.map((a) => [a.unitId, a]));
  const rows = wards.map((w) => ({
    id: w.id,
    code: w.code,
    name: w.name,
    status: (byUnit.get(w.id)?.status as AssessmentStatus | undefined) ?? null,
    assessmentId: byUnit.get(w.id)?.id ?? null,
  }));
  const target = applicableTarget(targets, province.id, year);
  return {
    province,
    year,
    wards: rows,
    registered: rows.filter((r) => r.status !== null && isRegistered(r.status)).length,
    target: target
      ? {
          wards: targetWardCount(target, rows.length),
          kind: target.kind,
          value: target.value,
          origin: target.origin,
          sourceDocument: target.sourceDocument,
        }
      : null,
    hasCriteriaSet: setYear !== null,
  };
}

export type RegisterResult =
  | { ok: true; registered: number; alreadyRegistered: number }
  | { ok: false; error: 'not_found' | 'no_criteria_set' };

/** Registers wards for a year: an assessment with one empty result per criterion of the year's set. */
export async function registerWards(
  actor: AuditActor,
  scope: Scope,
  year: number,
  unitCodes: string[],
): Promise<RegisterResult> {
  return db().$transaction(async (tx) => {
    const setYear = await tx.criteriaSetYear.findUnique({
      where: { year },
      select: { criteriaSet: { select: { id: true, criteria: { select: { id: true } } } } },
    });
    if (!setYear) return { ok: false, error: 'no_criteria_set' } as const;
    const candidates = await tx.unit.findMany({
      where: { code: { in: unitCodes }, validTo: null, ...unitScopeWhere(scope) },
      select: {
        id: true,
        code: true,
        provinceId: true,
        province: { select: { code: true } },
        assessments: { where: { year }, select: { id: true, status: true } },
      },
    });
    // Only units that are wards that year (a xã that became a phường in 2026 cannot be registered for 2025).
    const wardIds = new Set<number>();
    for (const provinceId of new Set(candidates.map((u) => u.provinceId)))
      for (const w of await listWardsOfYear(provinceId, year, tx)) wardIds.add(w.id);
    const units = candidates.filter((u) => wardIds.has(u.id));
    // Every code must be a ward in scope; one stranger and nothing is registered.
    if (units.length !== new Set(unitCodes).size) return { ok: false, error: 'not_found' } as const;
    let registered = 0;
    let already = 0;
    for (const unit of units) {
      const existing = unit.assessments[0];
      if (existing && existing.status !== 'CANCELLED') {
        already += 1;
        continue;
      }
      let id: number;
      if (existing) {
        id = existing.id;
        await tx.assessment.update({
          where: { id },
          data: {
            status: 'DRAFT',
            statusChangedAt: new Date(),
            registeredById: actor.userId,
            version: { increment: 1 },
          },
        });
        await tx.workflowTransition.create({
          data: {
            assessmentId: id,
            fromStatus: 'CANCELLED',
            toStatus: 'DRAFT',
            actorId: actor.userId,
          },
        });
      } else {
        const created = await tx.assessment.create({
          data: {
            unitId: unit.id,
            year,
            criteriaSetId: setYear.criteriaSet.id,
            registeredById: actor.userId,
            totalCriteria: setYear.criteriaSet.criteria.length,
          },
          select: { id: true },
        });
        id = created.id;
        await tx.criterionResult.createMany({
          data: setYear.criteriaSet.criteria.map((c) => ({ assessmentId: id, criterionId: c.id })),
        });
      }
      await recordAudit(tx, actor, {
        action: 'assessment.register',
        entity: 'assessment',
        entityId: id,
        provinceCode: unit.province.code,
        after: { unitCode: unit.code, year, status: 'DRAFT' },
      });
      registered += 1;
    }
    await refreshProgressForUnits(
      tx,
      units.map((u) => u.id),
      [year],
    );
    return { ok: true, registered, alreadyRegistered: already } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Saving one result

export type SaveResultOutcome =
  | { ok: true; version: number; state: ResultState }
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
        updatedAt: Date;
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
    where: { id: input.resultId, assessment: { unit: unitScopeWhere(scope) } },
    select: {
      id: true,
      assessmentId: true,
      state: true,
      value: true,
      baseline: true,
      note: true,
      version: true,
      isReopened: true,
      assessment: {
        select: {
          status: true,
          year: true,
          unit: { select: { id: true, province: { select: { code: true } } } },
        },
      },
      criterion: {
        select: {
          number: true,
          measureKind: true,
          comparator: true,
          threshold: true,
          ratingScale: true,
        },
      },
    },
  });
  if (!result) return { ok: false, error: 'not_found' } as const;
  if (!isResultEditable(result.assessment.status as AssessmentStatus, result.isReopened))
    return { ok: false, error: 'locked' } as const;
  const resolved = resolveState(result.criterion, input.state, {
    value: input.value,
    baseline: input.baseline,
  });
  if (!resolved.ok) return { ok: false, error: 'invalid', problem: resolved.problem } as const;

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
        updatedAt: true,
        updatedBy: { select: { name: true } },
      },
    });
    return {
      ok: false,
      error: 'conflict',
      current: {
        ...current,
        state: current.state as ResultState,
        updatedBy: current.updatedBy?.name ?? null,
      },
    } as const;
  }
  await refreshSummary(tx, result.assessmentId);
  // Only a change of state can change what the dashboards count.
  if (options.refreshProgress && resolved.state !== result.state)
    await refreshProgressForUnits(tx, [result.assessment.unit.id], [result.assessment.year]);
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
  return { ok: true, version: input.version + 1, state: resolved.state } as const;
}

// ---------------------------------------------------------------------------------------------
// Workflow transitions

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

export async function transitionAssessment(
  actor: AuditActor,
  scope: Scope,
  input: TransitionInput,
): Promise<TransitionOutcome> {
  const transition = findTransition(input.name as TransitionName);
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
    const record: RecordScope = recordScopeOf(assessment.unit);
    if (!can(scope, transition.permission, record))
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

    const now = new Date();
    // Conditional on the status we read: two reviewers acting at once cannot both move it.
    const moved = await tx.assessment.updateMany({
      where: { id: assessment.id, status: from },
      data: {
        status: check.to,
        statusChangedAt: now,
        version: { increment: 1 },
        ...(transition.name === 'submit' ? { submittedAt: now } : {}),
      },
    });
    if (moved.count === 0) return { ok: false, error: 'stale' } as const;

    if (transition.name === 'submit') {
      await tx.criterionResult.updateMany({
        where: { assessmentId: assessment.id, isReopened: true },
        data: { isReopened: false },
      });
      await tx.reviewComment.updateMany({
        where: { result: { assessmentId: assessment.id }, isReturn: true, resolvedAt: null },
        data: { resolvedAt: now },
      });
    }
    if (transition.needs === 'returnItems') {
      const stage = transition.name === 'returnByProvince' ? 'PROVINCE' : 'MINISTRY';
      await tx.criterionResult.updateMany({
        where: { id: { in: items.map((i) => i.resultId) } },
        data: { isReopened: true },
      });
      await tx.reviewComment.createMany({
        data: items.map((i) => ({
          resultId: i.resultId,
          authorId: actor.userId,
          stage,
          isReturn: true,
          body: i.reason,
        })),
      });
    }
    if (transition.name === 'recognise' && input.decision) {
      await tx.recognitionDecision.upsert({
        where: { assessmentId: assessment.id },
        create: {
          assessmentId: assessment.id,
          number: input.decision.number,
          decidedOn: input.decision.date,
          year: assessment.year,
          createdById: actor.userId,
        },
        update: {
          number: input.decision.number,
          decidedOn: input.decision.date,
          withdrawnAt: null,
          withdrawnReason: null,
          withdrawnById: null,
        },
      });
    }
    if (transition.name === 'withdrawRecognition') {
      await tx.recognitionDecision.update({
        where: { assessmentId: assessment.id },
        data: {
          withdrawnAt: now,
          withdrawnReason: input.reason ?? '',
          withdrawnById: actor.userId,
        },
      });
    }
    const reason =
      input.reason ??
      (input.decision
        ? `${input.decision.number} (${input.decision.date.toISOString().slice(0, 10)})`
        : items.length
          ? `${items.length}`
          : '');
    await tx.workflowTransition.create({
      data: {
        assessmentId: assessment.id,
        fromStatus: from,
        toStatus: check.to,
        actorId: actor.userId,
        reason,
        createdAt: now,
      },
    });
    await recordAudit(tx, actor, {
      action: `assessment.${transition.name}`,
      entity: 'assessment',
      entityId: assessment.id,
      provinceCode: assessment.unit.province.code,
      before: { status: from },
      after: { status: check.to, reason: input.reason, decision: input.decision, items },
    });
    // Registration and recognition change what the dashboards count; other steps do not.
    if (
      ['cancelRegistration', 'register', 'recognise', 'withdrawRecognition'].includes(
        transition.name,
      )
    )
      await refreshProgressForUnits(tx, [assessment.unit.id]);
    return { ok: true, status: check.to } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Review queues

export interface QueueItem {
  assessmentId: number;
  year: number;
  status: AssessmentStatus;
  statusChangedAt: Date;
  unitCode: string;
  unitName: string;
  unitValidTo: Date | null;
  provinceName: string;
  met: number;
  total: number;
  notMet: number;
  notDue: number;
}

function queueWhere(scope: Scope): Prisma.AssessmentWhereInput | null {
  const statuses: AssessmentStatus[] = [];
  if (can(scope, 'assessment.review')) statuses.push('SUBMITTED');
  if (can(scope, 'assessment.inspect')) statuses.push('PROPOSED', 'INSPECTING');
  if (statuses.length === 0) return null;
  return { status: { in: statuses }, unit: unitScopeWhere(scope) };
}

export async function listReviewQueue(scope: Scope): Promise<QueueItem[]> {
  const where = queueWhere(scope);
  if (!where) return [];
  const rows = await db().assessment.findMany({
    where,
    orderBy: { statusChangedAt: 'asc' },
    take: 1000,
    select: {
      id: true,
      year: true,
      status: true,
      statusChangedAt: true,
      metCount: true,
      totalCriteria: true,
      notMetCount: true,
      notDueCount: true,
      unit: {
        select: { code: true, name: true, validTo: true, province: { select: { name: true } } },
      },
    },
  });
  return rows.map((r) => ({
    assessmentId: r.id,
    year: r.year,
    status: r.status as AssessmentStatus,
    statusChangedAt: r.statusChangedAt,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    unitValidTo: r.unit.validTo,
    provinceName: r.unit.province.name,
    met: r.metCount,
    total: r.totalCriteria,
    notMet: r.notMetCount,
    notDue: r.notDueCount,
  }));
}

export async function countReviewQueue(scope: Scope): Promise<number> {
  const where = queueWhere(scope);
  return where ? db().assessment.count({ where }) : 0;
}
