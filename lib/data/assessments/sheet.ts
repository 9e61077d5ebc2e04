import 'server-only';
import { db } from '@/lib/server/db';
import { isResultEditable } from '@/lib/domain/workflow';
import { can, type Scope } from '@/lib/domain/permissions';
import { recordScopeOf, unitScopeWhere } from '../scope';
import { unitAt } from '../units/wards';
import { resultFields, unitSelect } from './summary';

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
      fixBy: true,
      returnedBy: true,
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
        select: {
          number: true,
          decidedOn: true,
          withdrawnAt: true,
          withdrawnReason: true,
          withdrawnNumber: true,
          withdrawnOn: true,
        },
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
          ...resultFields,
          savedAt: true,
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
              evidenceGuidanceEn: true,
              evidenceRequired: true,
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
              periodReason: true,
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
              returnedAs: true,
              response: true,
              answeredAt: true,
              author: { select: { name: true, role: true } },
            },
          },
        },
      },
    },
  });
  if (!assessment) return null;
  const record = recordScopeOf(assessment.unit);
  const status = assessment.status;
  const mayEdit = can(scope, 'result.edit', record);
  return {
    ...assessment,
    status,
    record,
    lastYear: await lastYearResults(assessment.unit.id, year),
    results: assessment.results.map((r) => ({
      ...r,
      editable: mayEdit && isResultEditable(status, r.isReopened),
    })),
  };
}

/**
 * The same ward's results of the year before, by criterion number (criteria sets keep their
 * numbers): shown beside this year's, and a change's "same period last year" can be taken from it.
 * Empty when the ward was not registered that year.
 */
async function lastYearResults(unitId: number, year: number) {
  const before = await db().assessment.findFirst({
    where: { unitId, year: year - 1, status: { not: 'CANCELLED' } },
    select: {
      year: true,
      results: {
        select: {
          state: true,
          value: true,
          criterion: { select: { number: true } },
          _count: { select: { evidence: { where: { removedAt: null } } } },
        },
      },
    },
  });
  return {
    year: year - 1,
    byNumber: new Map(
      (before?.results ?? []).map((r) => [
        r.criterion.number,
        { state: r.state, value: r.value, evidence: r._count.evidence },
      ]),
    ),
  };
}
