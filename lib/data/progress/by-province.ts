import 'server-only';
import { db } from '@/lib/server/db';
import { FIRST_YEAR, LAST_YEAR, type Milestone } from '@/lib/domain/progress';
import type { CountsRow } from '@/lib/domain/dashboard';
import { applicableTarget, targetShare } from '@/lib/domain/targets';

/**
 * Dashboard reads. The counts come from summaries kept on write (lib/data/progress/summary.ts,
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

/** Per-province, per-year counts, read from the summaries kept on write (lib/data/progress/summary.ts). */
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

export interface TargetMilestones {
  national: Milestone[];
  /** Milestones of each of today's provinces: its own for a year, else the national one. */
  forProvince(
    provinceId: number,
    wards: number,
  ): (Milestone & { origin: 'province' | 'national'; source: string })[];
  nationalDetailed: (Milestone & { origin: 'national'; source: string })[];
}

/** Milestones from the targets set, each province inheriting the national one where it has none. */
export async function getTargetMilestones(): Promise<TargetMilestones> {
  const targets = await db().target.findMany({ orderBy: { year: 'asc' } });
  const national = targets.filter((t) => t.provinceId === null && t.kind === 'PERCENT');
  return {
    national: national.map((t) => ({ year: t.year, share: targetShare(t, 0) })),
    nationalDetailed: national.map((t) => ({
      year: t.year,
      share: targetShare(t, 0),
      origin: 'national' as const,
      source: t.sourceDocument,
    })),
    forProvince(provinceId, wards) {
      const years = [
        ...new Set(
          targets
            .filter((t) => t.provinceId === null || t.provinceId === provinceId)
            .map((t) => t.year),
        ),
      ];
      return years.flatMap((year) => {
        const t = applicableTarget(targets, provinceId, year);
        return t
          ? [{ year, share: targetShare(t, wards), origin: t.origin, source: t.sourceDocument }]
          : [];
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
