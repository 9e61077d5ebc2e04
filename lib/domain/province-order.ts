import { nameCollator } from './collation';
import type { MilestoneResult, ProgressStatus } from './progress';

/** One province on a dashboard's province table: the verdict first, then the counts. */
export interface ProvinceTableRow {
  code: string;
  name: string;
  isCurrent: boolean;
  wards: number;
  registered: number;
  counted: number;
  share: number | null;
  targetShare: number | null;
  targetYear: number | null;
  targetOrigin: 'province' | 'national' | null;
  status: ProgressStatus;
  projectedFullYear: number | null;
  /** The latest milestone whose year has come: met, missed or open. */
  verdict: MilestoneResult | null;
  /** Wards one or two criteria short (lib/domain/maps.ts isNearMiss). */
  nearMisses: number;
}

export const PROVINCE_SORT_COLUMNS = [
  'name',
  'share',
  'verdict',
  'status',
  'target',
  'projected',
  'wards',
  'registered',
  'counted',
  'nearMisses',
] as const;
export type ProvinceSortColumn = (typeof PROVINCE_SORT_COLUMNS)[number];

export interface ProvinceSort {
  column: ProvinceSortColumn;
  dir: 'asc' | 'desc';
}

/** Highest share first: the table's order until someone asks for another. */
export const DEFAULT_PROVINCE_SORT: ProvinceSort = { column: 'share', dir: 'desc' };

const isColumn = (v: unknown): v is ProvinceSortColumn =>
  PROVINCE_SORT_COLUMNS.some((c) => c === v);

/**
 * The order asked for in the address (`psort`, `pdir`): a copied link opens the table as it was.
 * Unknown values give the default order and say so (`invalid`).
 */
export function parseProvinceSort(
  psort: string | undefined,
  pdir: string | undefined,
): { sort: ProvinceSort; invalid: boolean } {
  if (psort === undefined || psort === '') return { sort: DEFAULT_PROVINCE_SORT, invalid: false };
  if (!isColumn(psort)) return { sort: DEFAULT_PROVINCE_SORT, invalid: true };
  // Names read A to Z, figures largest first, unless the link says otherwise.
  const dir = pdir === 'asc' || pdir === 'desc' ? pdir : psort === 'name' ? 'asc' : 'desc';
  return { sort: { column: psort, dir }, invalid: pdir !== undefined && pdir !== dir };
}

/** A missed milestone and the worst pace first when sorted "descending" by concern. */
const verdictOrder: MilestoneResult['outcome'][] = ['missed', 'open', 'met'];
const statusOrder: ProgressStatus[] = [
  'deteriorating',
  'off_track',
  'needs_acceleration',
  'not_enough_data',
  'no_target',
  'on_track',
  'achieved',
];

function key(r: ProvinceTableRow, column: ProvinceSortColumn): number | string {
  switch (column) {
    case 'name':
      return r.name;
    case 'share':
      return r.share ?? -1;
    case 'verdict':
      return r.verdict ? verdictOrder.indexOf(r.verdict.outcome) : 9;
    case 'status':
      return statusOrder.indexOf(r.status);
    case 'target':
      return r.targetShare ?? -1;
    case 'projected':
      return r.projectedFullYear ?? 9999;
    case 'wards':
    case 'registered':
    case 'counted':
    case 'nearMisses':
      return r[column];
  }
}

/** The rows in the asked order; ties keep Vietnamese name order, so the order is stable. */
export function sortProvinceRows(rows: readonly ProvinceTableRow[], sort: ProvinceSort) {
  const sign = sort.dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = key(a, sort.column);
    const y = key(b, sort.column);
    const c =
      typeof x === 'string' || typeof y === 'string'
        ? nameCollator.compare(String(x), String(y))
        : x - y;
    return sign * c || nameCollator.compare(a.name, b.name);
  });
}

/** The order as address values, to keep when the view changes; none for the default order. */
export function provinceSortParams(sort: ProvinceSort): { psort?: string; pdir?: string } {
  return sort.column === DEFAULT_PROVINCE_SORT.column && sort.dir === DEFAULT_PROVINCE_SORT.dir
    ? {}
    : { psort: sort.column, pdir: sort.dir };
}
