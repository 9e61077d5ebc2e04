import 'server-only';
import {
  asOfYear,
  buildDashboard,
  dataYearOf,
  judgedOnTodaysUnits,
  type DashboardModel,
  type ProvinceLine,
} from '@/lib/domain/dashboard';

import type { Scope } from '@/lib/domain/permissions';

import {
  criteriaShares,
  getTargetMilestones,
  progressByProvinceAndYear,
  type CriterionShare,
} from './by-province';
import { listNearMisses, type NearMiss } from './near-misses';
import { completenessByProvince, type ProvinceCompleteness } from './completeness';
import { scopedProvinceId } from '@/lib/domain/permissions';
import { getProvincesById, type ProvinceInfo } from '@/lib/data/units/provinces';
import { todaysWardTables } from '@/lib/data/units/ward-tables';

export interface DashboardView {
  model: DashboardModel;
  provinces: Map<number, ProvinceInfo>;
  /** The closest near misses (all of them unless the caller asked for fewer)… */
  nearMisses: NearMiss[];
  /** …and how many there are in all… */
  nearMissCount: number;
  /** …and in each province (by id). */
  nearMissByProvince: Map<number, number>;
  criteria: CriterionShare[];
  /** How complete each province's data of the year is (the one province, or every one). */
  completeness: ProvinceCompleteness[];
  /** When the figures were read: every export and chart carries it. */
  dataDate: Date;
}

/**
 * Everything a dashboard shows for one scope: the nation (provinceId null) or one of today's
 * provinces. A province-bound user asking for more gets null (not found).
 */
export async function getDashboard(
  scope: Scope,
  options: {
    provinceId: number | null;
    year: number;
    official: boolean;
    lineage: boolean;
    /** Pages show the closest few; exports and briefings carry the whole list. */
    nearMissLimit?: number;
  },
): Promise<DashboardView | null> {
  const provinceId = scopedProvinceId(scope, options.provinceId);
  if (provinceId === 'none') return null;
  const filter = { lineage: options.lineage, provinceId };
  const dataDate = new Date();
  // A year still to come has no actual figures: everything actual is of the data date's year.
  const asOf = asOfYear(options.year, dataYearOf(dataDate));
  // Near misses and completeness come from the same ward tables: read once.
  const tables = todaysWardTables(provinceId, { year: asOf, lineage: options.lineage });
  const [{ model, provinces }, near, criteria, completeness] = await Promise.all([
    readModel(provinceId, options, dataDate),
    tables.then((t) => listNearMisses(t, options.nearMissLimit ?? null)),
    criteriaShares(filter, asOf),
    tables.then((t) => completenessByProvince(t, dataDate)),
  ]);
  return {
    model,
    provinces,
    nearMisses: near.rows,
    nearMissCount: near.total,
    nearMissByProvince: near.byProvince,
    criteria,
    completeness,
    dataDate,
  };
}

/**
 * The dashboard's model of one scope (the nation, or one of today's provinces) read at
 * `dataDate`: the figures and verdicts every view, export and alert states.
 */
async function readModel(
  provinceId: number | null,
  options: { year: number; official: boolean; lineage: boolean },
  dataDate: Date,
): Promise<{ model: DashboardModel; provinces: Map<number, ProvinceInfo> }> {
  const filter = { lineage: options.lineage, provinceId };
  const asOf = asOfYear(options.year, dataYearOf(dataDate));
  const [rows, todayRows, targets] = await Promise.all([
    progressByProvinceAndYear(filter),
    // As recorded, the verdicts are still judged on today's units (lib/domain/dashboard.ts).
    options.lineage ? null : progressByProvinceAndYear({ ...filter, lineage: true }),
    getTargetMilestones(),
  ]);
  const provinces = await getProvincesById([...new Set(rows.map((r) => r.provinceId))]);
  const build = (of: typeof rows, lineage: boolean) => {
    const wardsOf = (id: number) =>
      of.find((r) => r.provinceId === id && r.year === asOf)?.wards ?? 0;
    return buildDashboard({
      rows: of,
      year: options.year,
      dataDate,
      lineage,
      official: options.official,
      milestones:
        provinceId === null
          ? targets.nationalDetailed
          : targets.forProvince(provinceId, wardsOf(provinceId)),
      // Former provinces have no targets of their own: they are judged by the national ones.
      provinceMilestones: (id, wards) =>
        provinces.get(id)?.validTo ? targets.nationalDetailed : targets.forProvince(id, wards),
    });
  };
  const model = todayRows
    ? judgedOnTodaysUnits(build(rows, false), build(todayRows, true))
    : build(rows, true);
  return { model, provinces };
}

/**
 * The verdict on each of today's provinces in the year of `dataDate`, on official figures: what
 * the national dashboard shows by default, and what the alert sweep tells of
 * (lib/data/notifications/alerts.ts).
 */
export async function provinceVerdicts(dataDate: Date): Promise<{
  year: number;
  lines: (ProvinceLine & { code: string; name: string })[];
}> {
  const year = dataYearOf(dataDate);
  const { model, provinces } = await readModel(
    null,
    { year, official: true, lineage: true },
    dataDate,
  );
  const lines = model.provinces.flatMap((line) => {
    const province = provinces.get(line.provinceId);
    return province && !province.validTo
      ? [{ ...line, code: province.code, name: province.name }]
      : [];
  });
  return { year, lines };
}
