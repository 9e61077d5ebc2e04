import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { FIRST_YEAR, LAST_YEAR, type Milestone } from '@/lib/domain/progress';
import { reachOf, type Scope } from '@/lib/permissions';

/**
 * Roll-ups computed in the database. What counts, in one place:
 *   - wards: phường in force at the end of the year (or, "today's units", the phường in force now);
 *   - registered: a non-cancelled assessment for the year;
 *   - attained: that assessment meets every criterion (assessments.is_attained, kept by
 *     lib/domain/attainment on every write);
 *   - recognised: a recognition decision of that year or earlier, not withdrawn by the year's end,
 *     for a ward still in force — a stock, since a recognised ward keeps its title;
 *   - provisional: recognised, or attained this year on its own results.
 * With `lineage`, former units count under the unit that succeeded them today (following the
 * lineage to its end), and each of today's wards counts once however many predecessors it has.
 */

export interface ProgressOptions {
  lineage: boolean;
  /** Limit to one of today's provinces (by id); null for the nation. */
  provinceId: number | null;
  from?: number;
  to?: number;
}

export interface ProvinceYearRow {
  year: number;
  provinceId: number;
  wards: number;
  registered: number;
  attained: number;
  recognised: number;
  provisional: number;
}

/** The scope's province filter: a province-bound user sees only their province, whatever is asked. */
export function scopedProvinceId(scope: Scope, requested: number | null): number | null | 'none' {
  if (reachOf(scope) === 'all') return requested;
  if (reachOf(scope) === 'province')
    return requested === null || requested === scope.provinceId ? scope.provinceId : 'none';
  return 'none';
}

export async function progressByProvinceAndYear(
  options: ProgressOptions,
): Promise<ProvinceYearRow[]> {
  const from = options.from ?? FIRST_YEAR;
  const to = options.to ?? LAST_YEAR;
  const rows = await db().$queryRaw<
    {
      year: number;
      province_id: number;
      wards: number;
      registered: number;
      attained: number;
      recognised: number;
      provisional: number;
    }[]
  >(Prisma.sql`
    WITH RECURSIVE chain AS (
      SELECT u.id AS unit_id, u.id AS today_id, 0 AS depth FROM units u
      UNION ALL
      SELECT c.unit_id, l.new_unit_id, c.depth + 1
        FROM chain c JOIN unit_lineage l ON l.old_unit_id = c.today_id
       WHERE c.depth < 8
    ),
    today AS (
      SELECT DISTINCT ON (unit_id) unit_id, today_id FROM chain ORDER BY unit_id, depth DESC, today_id
    ),
    keyed AS (
      SELECT u.id, u.valid_from, u.valid_to,
             tw.valid_to AS today_valid_to, tw.province_id AS today_province_id,
             CASE WHEN ${options.lineage} THEN tw.id ELSE u.id END AS ward_key,
             CASE WHEN ${options.lineage} THEN tw.province_id ELSE u.province_id END AS group_province
        FROM units u
        JOIN today t ON t.unit_id = u.id
        JOIN units tw ON tw.id = t.today_id
       WHERE u.type = 'PHUONG'
         AND (${options.provinceId}::int IS NULL OR tw.province_id = ${options.provinceId}::int)
    ),
    years AS (SELECT generate_series(${from}::int, ${to}::int) AS year),
    -- A unit counts in a year when it is in force at the year's end (today's units: in force now).
    in_force AS (
      SELECT y.year, k.* FROM years y JOIN keyed k
        ON CASE WHEN ${options.lineage} THEN k.today_valid_to IS NULL
                ELSE (k.valid_from IS NULL OR k.valid_from <= make_date(y.year, 12, 31))
                 AND (k.valid_to IS NULL OR k.valid_to >= make_date(y.year, 12, 31)) END
    ),
    wards AS (
      SELECT year, group_province, count(DISTINCT ward_key)::int AS wards FROM in_force GROUP BY year, group_province
    ),
    facts AS (
      SELECT a.year, k.group_province, k.ward_key, a.is_attained
        FROM assessments a JOIN keyed k ON k.id = a.unit_id
       WHERE a.status <> 'CANCELLED' AND a.year BETWEEN ${from}::int AND ${to}::int
    ),
    recognised AS (
      SELECT f.year, f.group_province, f.ward_key
        FROM in_force f
        JOIN assessments a ON a.unit_id = f.id
        JOIN recognition_decisions d ON d.assessment_id = a.id
       WHERE d.year <= f.year AND (d.withdrawn_at IS NULL OR d.withdrawn_at > make_date(f.year, 12, 31))
    ),
    attained AS (
      SELECT year, group_province, ward_key FROM facts WHERE is_attained
    )
    SELECT w.year, w.group_province AS province_id, w.wards,
           (SELECT count(DISTINCT ward_key) FROM facts f WHERE f.year = w.year AND f.group_province = w.group_province)::int AS registered,
           (SELECT count(DISTINCT ward_key) FROM attained t WHERE t.year = w.year AND t.group_province = w.group_province)::int AS attained,
           (SELECT count(DISTINCT ward_key) FROM recognised r WHERE r.year = w.year AND r.group_province = w.group_province)::int AS recognised,
           (SELECT count(*) FROM (SELECT ward_key FROM recognised r WHERE r.year = w.year AND r.group_province = w.group_province
                                   UNION SELECT ward_key FROM attained t WHERE t.year = w.year AND t.group_province = w.group_province) x)::int AS provisional
      FROM wards w
     ORDER BY w.year, w.group_province`);
  return rows.map((r) => ({
    year: r.year,
    provinceId: r.province_id,
    wards: r.wards,
    registered: r.registered,
    attained: r.attained,
    recognised: r.recognised,
    provisional: r.provisional,
  }));
}

export interface ProvinceInfo {
  id: number;
  code: string;
  name: string;
  fullName: string;
  validTo: Date | null;
}

export async function getProvincesById(ids: number[]): Promise<Map<number, ProvinceInfo>> {
  const rows = await db().province.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, name: true, fullName: true, validTo: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

export async function getCurrentProvince(scope: Scope, code: string): Promise<ProvinceInfo | null> {
  const province = await db().province.findFirst({
    where: { code, validTo: null },
    select: { id: true, code: true, name: true, fullName: true, validTo: true },
  });
  if (!province) return null;
  return scopedProvinceId(scope, province.id) === province.id ? province : null;
}

export interface TargetMilestones {
  national: Milestone[];
  /** Milestones of each of today's provinces: its own for a year, else the national one. */
  forProvince(
    provinceId: number,
    wards: number,
  ): (Milestone & { origin: 'province' | 'national'; source: string })[];
  nationalDetailed: (Milestone & { origin: 'national'; source: string })[];
}

export async function getTargetMilestones(): Promise<TargetMilestones> {
  const targets = await db().target.findMany({ orderBy: { year: 'asc' } });
  const share = (t: (typeof targets)[number], wards: number) =>
    t.kind === 'PERCENT' ? t.value / 100 : wards > 0 ? Math.min(1, t.value / wards) : 0;
  const nationalRows = targets.filter((t) => t.provinceId === null);
  return {
    national: nationalRows
      .filter((t) => t.kind === 'PERCENT')
      .map((t) => ({ year: t.year, share: t.value / 100 })),
    nationalDetailed: nationalRows
      .filter((t) => t.kind === 'PERCENT')
      .map((t) => ({
        year: t.year,
        share: t.value / 100,
        origin: 'national' as const,
        source: t.sourceDocument,
      })),
    forProvince(provinceId, wards) {
      const own = targets.filter((t) => t.provinceId === provinceId);
      const years = [...new Set([...own, ...nationalRows].map((t) => t.year))].sort(
        (a, b) => a - b,
      );
      return years.map((year) => {
        const t = own.find((x) => x.year === year);
        if (t)
          return {
            year,
            share: share(t, wards),
            origin: 'province' as const,
            source: t.sourceDocument,
          };
        const n = nationalRows.find((x) => x.year === year)!;
        return {
          year,
          share: share(n, wards),
          origin: 'national' as const,
          source: n.sourceDocument,
        };
      });
    },
  };
}

export interface NearMiss {
  unitCode: string;
  unitName: string;
  provinceName: string;
  met: number;
  total: number;
  missing: { number: number; title: string; titleEn: string; state: string }[];
}

/** Wards one or two criteria short in the year, with what they still miss (found in SQL). */
export async function listNearMisses(
  options: Omit<ProgressOptions, 'from' | 'to'>,
  year: number,
  limit = 50,
): Promise<NearMiss[]> {
  const ids = await db().$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT a.id FROM assessments a JOIN units u ON u.id = a.unit_id
     WHERE a.year = ${year}::int AND a.status <> 'CANCELLED' AND u.type = 'PHUONG'
       AND a.total_criteria - a.met_count BETWEEN 1 AND 2
       AND (${options.provinceId}::int IS NULL OR u.province_id = ${options.provinceId}::int
            OR EXISTS (SELECT 1 FROM unit_lineage l JOIN units n ON n.id = l.new_unit_id
                        WHERE l.old_unit_id = u.id AND n.province_id = ${options.provinceId}::int))
     ORDER BY a.met_count DESC, u.name
     LIMIT ${limit}::int`);
  const rows = await db().assessment.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: [{ metCount: 'desc' }, { unit: { name: 'asc' } }],
    select: {
      metCount: true,
      totalCriteria: true,
      unit: { select: { code: true, name: true, province: { select: { name: true } } } },
      results: {
        where: { state: { not: 'MET' } },
        orderBy: { criterion: { number: 'asc' } },
        select: {
          state: true,
          criterion: { select: { number: true, title: true, titleEn: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    unitCode: r.unit.code,
    unitName: r.unit.name,
    provinceName: r.unit.province.name,
    met: r.metCount,
    total: r.totalCriteria,
    missing: r.results.map((x) => ({ ...x.criterion, state: x.state })),
  }));
}

export interface CriterionShare {
  number: number;
  title: string;
  titleEn: string;
  met: number;
  assessed: number;
}

/** For each criterion, how many registered wards meet it in the year (computed in SQL). */
export async function criteriaShares(
  options: Omit<ProgressOptions, 'from' | 'to'>,
  year: number,
): Promise<CriterionShare[]> {
  const rows = await db().$queryRaw<
    { number: number; title: string; title_en: string; met: number; assessed: number }[]
  >(Prisma.sql`
    SELECT c.number, c.title, c.title_en,
           count(*) FILTER (WHERE r.state = 'MET')::int AS met, count(*)::int AS assessed
      FROM criterion_results r
      JOIN assessments a ON a.id = r.assessment_id
      JOIN criteria c ON c.id = r.criterion_id
      JOIN units u ON u.id = a.unit_id
     WHERE a.year = ${year}::int AND a.status <> 'CANCELLED' AND u.type = 'PHUONG'
       AND (${options.provinceId}::int IS NULL OR u.province_id = ${options.provinceId}::int
            OR EXISTS (SELECT 1 FROM unit_lineage l JOIN units n ON n.id = l.new_unit_id
                        WHERE l.old_unit_id = u.id AND n.province_id = ${options.provinceId}::int))
     GROUP BY c.number, c.title, c.title_en
     ORDER BY c.number`);
  return rows.map((r) => ({
    number: r.number,
    title: r.title,
    titleEn: r.title_en,
    met: r.met,
    assessed: r.assessed,
  }));
}

export interface WardRow {
  code: string;
  name: string;
  isSample: boolean;
  status: string | null;
  met: number;
  total: number;
  notMet: number;
  notDue: number;
  statusChangedAt: Date | null;
  recognised: boolean;
}

/** Today's wards of a province with their assessment for the year. */
export async function listProvinceWards(provinceId: number, year: number): Promise<WardRow[]> {
  const units = await db().unit.findMany({
    where: { provinceId, validTo: null, type: 'PHUONG' },
    orderBy: [{ isSample: 'asc' }, { name: 'asc' }],
    select: {
      code: true,
      name: true,
      isSample: true,
      assessments: {
        where: { year },
        select: {
          status: true,
          metCount: true,
          totalCriteria: true,
          notMetCount: true,
          notDueCount: true,
          statusChangedAt: true,
        },
      },
    },
  });
  const recognisedCodes = new Set(
    (
      await db().recognitionDecision.findMany({
        where: {
          year: { lte: year },
          withdrawnAt: null,
          assessment: { unit: { provinceId, validTo: null } },
        },
        select: { assessment: { select: { unit: { select: { code: true } } } } },
      })
    ).map((d) => d.assessment.unit.code),
  );
  return units.map((u) => {
    const a = u.assessments[0];
    return {
      code: u.code,
      name: u.name,
      isSample: u.isSample,
      status: a?.status ?? null,
      met: a?.metCount ?? 0,
      total: a?.totalCriteria ?? 0,
      notMet: a?.notMetCount ?? 0,
      notDue: a?.notDueCount ?? 0,
      statusChangedAt: a?.statusChangedAt ?? null,
      recognised: recognisedCodes.has(u.code),
    };
  });
}
