import 'server-only';
import { unitPath } from '@/lib/domain/units';
import { db } from '@/lib/server/db';
import { dayOf, latenessOf, type Lateness } from '@/lib/domain/calendar';
import { targetInForce, targetWardCount } from '@/lib/domain/targets';
import { findTransition, isRegistered, type AssessmentStatus } from '@/lib/domain/workflow';
import { reachOf, type Scope } from '@/lib/domain/permissions';
import { recordAudit, type AuditActor } from '../audit';
import { getYearCalendar } from '../programme/calendar';
import { trackProgress } from '../progress/summary';
import { ownedUnitWhere } from '../scope';
import { listWardsOfYear } from '../units/wards';
import { moveAssessment } from './workflow';

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
    /** The year the target is set for: this year's, or the next one the dashboards work towards. */
    year: number;
    wards: number;
    kind: 'PERCENT' | 'COUNT';
    value: number;
    origin: 'province' | 'national';
    sourceDocument: string;
  } | null;
  hasCriteriaSet: boolean;
  /** Registration after its date: asks a reason, or is refused when the Ministry closed it. */
  late: Lateness | null;
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
  const [wards, assessments, targets, setYear, calendar] = await Promise.all([
    listWardsOfYear(province.id, year),
    db().assessment.findMany({
      where: { year, unit: { provinceId: province.id, validTo: null } },
      select: { id: true, status: true, unitId: true },
    }),
    db().target.findMany({
      where: { year: { gte: year }, OR: [{ provinceId: province.id }, { provinceId: null }] },
    }),
    db().criteriaSetYear.findUnique({ where: { year }, select: { criteriaSetId: true } }),
    getYearCalendar(year),
  ]);
  const byUnit = new Map(assessments.map((a) => [a.unitId, a]));
  const rows = wards.map((w) => ({
    id: w.id,
    code: w.code,
    name: w.name,
    status: byUnit.get(w.id)?.status ?? null,
    assessmentId: byUnit.get(w.id)?.id ?? null,
  }));
  const target = targetInForce(targets, province.id, year);
  return {
    province,
    year,
    wards: rows,
    registered: rows.filter((r) => r.status !== null && isRegistered(r.status)).length,
    target: target
      ? {
          year: target.year,
          wards: targetWardCount(target, rows.length),
          kind: target.kind,
          value: target.value,
          origin: target.origin,
          sourceDocument: target.sourceDocument,
        }
      : null,
    hasCriteriaSet: setYear !== null,
    late: latenessOf('register', calendar, dayOf(new Date())),
  };
}

export type RegisterResult =
  | { ok: true; registered: number; alreadyRegistered: number }
  | { ok: false; error: 'not_found' | 'no_criteria_set' }
  | { ok: false; error: 'late_reason' | 'period_closed'; late: Lateness };

/**
 * Registers wards for a year: an assessment with one empty result per criterion of the year's
 * set. After the registration date it needs `lateReason` (recorded with each registration), and
 * is refused once the Ministry closed registration.
 */
export async function registerWards(
  actor: AuditActor,
  scope: Scope,
  year: number,
  unitCodes: string[],
  lateReason?: string,
): Promise<RegisterResult> {
  return db().$transaction(async (tx) => {
    const late = latenessOf('register', await getYearCalendar(year, tx), dayOf(new Date()));
    if (late?.closed) return { ok: false, error: 'period_closed', late } as const;
    if (late && !lateReason) return { ok: false, error: 'late_reason', late } as const;
    const lateAudit = late ? { late, lateReason } : {};
    const setYear = await tx.criteriaSetYear.findUnique({
      where: { year },
      select: { criteriaSet: { select: { id: true, criteria: { select: { id: true } } } } },
    });
    if (!setYear) return { ok: false, error: 'no_criteria_set' } as const;
    const candidates = await tx.unit.findMany({
      where: { code: { in: unitCodes }, validTo: null, ...ownedUnitWhere(scope) },
      select: {
        id: true,
        code: true,
        name: true,
        validTo: true,
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
    const progress = await trackProgress(
      tx,
      units.map((u) => u.id),
      [year],
    );
    let registered = 0;
    let already = 0;
    for (const unit of units) {
      const existing = unit.assessments[0];
      if (existing && existing.status !== 'CANCELLED') {
        already += 1;
        continue;
      }
      if (existing) {
        // Registering a cancelled ward again is the workflow's 'register' step.
        await moveAssessment(
          tx,
          actor,
          {
            assessment: {
              id: existing.id,
              year,
              unitId: unit.id,
              unitName: unit.name,
              path: unitPath(unit, year),
              provinceCode: unit.province.code,
              record: { provinceId: unit.provinceId, unitId: unit.id },
            },
            transition: findTransition('register'),
            from: 'CANCELLED',
            details: { reason: late ? lateReason : undefined },
            audit: { unitCode: unit.code, year, ...lateAudit },
          },
          { refreshProgress: false },
        );
        await tx.assessment.update({
          where: { id: existing.id },
          data: { registeredById: actor.userId },
        });
      } else {
        const created = await tx.assessment.create({
          data: {
            unitId: unit.id,
            year,
            criteriaSetId: setYear.criteriaSet.id,
            registeredById: actor.userId,
            totalCriteria: setYear.criteriaSet.criteria.length,
            // Nothing assessed, no evidence yet: every criterion is bare.
            bareCount: setYear.criteriaSet.criteria.length,
          },
          select: { id: true },
        });
        await tx.criterionResult.createMany({
          data: setYear.criteriaSet.criteria.map((c) => ({
            assessmentId: created.id,
            criterionId: c.id,
          })),
        });
        await recordAudit(tx, actor, {
          action: 'assessment.register',
          entity: 'assessment',
          entityId: created.id,
          provinceCode: unit.province.code,
          after: { unitCode: unit.code, year, status: 'DRAFT', ...lateAudit },
        });
      }
      registered += 1;
    }
    await progress();
    return { ok: true, registered, alreadyRegistered: already } as const;
  });
}
