import 'server-only';
import { db } from '@/lib/db';
import { FIRST_YEAR, LAST_YEAR, type Milestone } from '@/lib/domain/progress';
import { reachOf, type Scope } from '@/lib/domain/permissions';
import type { CountsRow } from '@/lib/domain/dashboard';

/**
 * Dashboard reads. The counts come from summaries kept on write (lib/data/progress-summary.ts,
 * which holds the one definition of what counts); near misses from the ward tables (near-misses.ts).
 */

export interface ProgressOptions {
  lineage: boolean;
  /** Limit to one of today's provinces (by id); null for the nation. */
  provinceId: number | null;
  from?: number;
  to?: number;
}

/** One province's counts for one year (the dashboard model's row). */
export type ProvinceYearRow = CountsRow;

/** The scope's province filter: a province-bound user sees only their province, whatever is asked. */
export function scopedProvinceId(scope: Scope, requested: number | null): number | null | 'none' {
  if (reachOf(scope) === 'all') return requested;
  if (reachOf(scope) === 'province')
    return requested === null || requested === scope.provinceId ? scope.provinceId : 'none';
  return 'none';
}

/** Per-province, per-year counts, read from the summaries kept on write (lib/data/progress-summary.ts). */
export async function progressByProvinceAndYear(
  options: ProgressOptions,
): Promise<ProvinceYearRow[]> {
  const rows = await db().provinceYearProgress.groupBy({
    by: ['year', 'provinceId'],
    where: {
      lineage: options.lineage,
      year: { gte: options.from ?? FIRST_YEAR, lte: options.to ?? LAST_YEAR },
      ...(options.provinceId === null ? {} : { todayProvinceId: options.provinceId }),
    },
    _sum: { wards: true, registered: true, attained: true, recognised: true, provisional: true },
    orderBy: [{ year: 'asc' }, { provinceId: 'asc' }],
  });
  return rows.map((r) => ({
    year: r.year,
    provinceId: r.provinceId,
    wards: r._sum.wards ?? 0,
    registered: r._sum.registered ?? 0,
    attained: r._sum.attained ?? 0,
    recognised: r._sum.recognised ?? 0,
    provisional: r._sum.provisional ?? 0,
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

export interface CriterionShare {
  number: number;
  title: string;
  titleEn: string;
  met: number;
  assessed: number;
}

/** For each criterion, how many registered wards meet it in the year (from the kept summaries). */
export async function criteriaShares(
  options: Omit<ProgressOptions, 'from' | 'to'>,
  year: number,
): Promise<CriterionShare[]> {
  const rows = await db().criterionYearProgress.groupBy({
    by: ['criterionId'],
    where: {
      year,
      ...(options.provinceId === null ? {} : { todayProvinceId: options.provinceId }),
    },
    _sum: { met: true, assessed: true },
  });
  const criteria = await db().criterion.findMany({
    where: { id: { in: rows.map((r) => r.criterionId) } },
    select: { id: true, number: true, title: true, titleEn: true },
  });
  return rows
    .map((r) => {
      const c = criteria.find((x) => x.id === r.criterionId)!;
      return {
        number: c.number,
        title: c.title,
        titleEn: c.titleEn,
        met: r._sum.met ?? 0,
        assessed: r._sum.assessed ?? 0,
      };
    })
    .sort((a, b) => a.number - b.number);
}
