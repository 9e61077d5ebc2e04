import { byName } from './collation';
import { wardCategory, type WardCategory } from './maps';

/**
 * The ward list's filters and order, shared by the province page's table and the list every
 * drill-through lands on (a criterion bar, a map legend entry, the near misses). The filters are
 * the map's categories (lib/domain/maps.ts), so a legend entry's count is the list's length.
 */

/** The columns the list sorts by (the table's column keys), each ascending or descending. */
export const wardSorts = ['ward', 'met', 'lastChange'] as const;
export type WardSort = (typeof wardSorts)[number];
export type SortDir = 'asc' | 'desc';

/** Rows on one page of the list. */
export const WARD_PAGE_SIZE = 50;

export interface WardListRow {
  name: string;
  status: string | null;
  met: number;
  total: number;
  recognisedSince: number | null;
  assessmentId: number | null;
  statusChangedAt: Date | null;
}

export interface WardFilter {
  category?: WardCategory;
  /**
   * The dossiers (by id) that do not meet the criterion asked for: a row is kept when its
   * dossier is among them. Undefined: no criterion asked.
   */
  failing?: ReadonlySet<number>;
}

/** The rows the filters keep, in the table's order. */
export function filterWards<T extends WardListRow>(rows: readonly T[], filter: WardFilter): T[] {
  return rows.filter(
    (r) =>
      (filter.category === undefined || wardCategory(r) === filter.category) &&
      (filter.failing === undefined ||
        (r.assessmentId !== null && filter.failing.has(r.assessmentId))),
  );
}

/**
 * The list's order by a column: the name in Vietnamese order, the criteria met, or the last
 * change (none last either way). Ties go by name.
 */
export function sortWards<T extends WardListRow>(
  rows: readonly T[],
  sort: WardSort,
  dir: SortDir,
): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  const name = byName<T>((r) => r.name);
  const changed = (r: T) => r.statusChangedAt?.getTime();
  const key: Record<WardSort, (a: T, b: T) => number> = {
    ward: (a, b) => sign * name(a, b),
    met: (a, b) => sign * (a.met - b.met),
    lastChange: (a, b) => {
      const x = changed(a);
      const y = changed(b);
      if (x === undefined || y === undefined)
        return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0);
      return sign * (x - y);
    },
  };
  return [...rows].sort((a, b) => key[sort](a, b) || name(a, b));
}

/** One page of a list: the rows shown and how many pages there are (at least one). */
export function pageOf<T>(rows: readonly T[], page: number, size = WARD_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages };
}
