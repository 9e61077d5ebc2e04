import { clampYear } from '@/lib/domain/progress';
import { parseProvinceSort, type ProvinceSort } from '@/lib/domain/province-order';

export interface DashboardQuery {
  year: number;
  official: boolean;
  lineage: boolean;
  /** The province table's order (`psort`, `pdir`). */
  provinceSort: ProvinceSort;
  /** Set when the asked-for year was out of range: the page says which year it shows instead. */
  requestedYear: string | null;
  hadInvalid: boolean;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Reads the dashboard's query string forgivingly: anything malformed falls back to the nearest
 * valid view (the closest year in range, official figures, today's units) and is reported.
 */
export function parseDashboardQuery(
  params: Record<string, string | string[] | undefined>,
  currentYear: number,
): DashboardQuery {
  const rawYear = first(params.year);
  let year = clampYear(currentYear);
  let requestedYear: string | null = null;
  let hadInvalid = false;
  if (rawYear !== undefined && rawYear !== '') {
    const n = Number(rawYear);
    if (Number.isInteger(n)) {
      year = clampYear(n);
      if (year !== n) requestedYear = String(n);
    } else hadInvalid = true;
  }
  const basis = first(params.basis);
  const units = first(params.units);
  if (basis !== undefined && basis !== 'official' && basis !== 'provisional') hadInvalid = true;
  if (units !== undefined && units !== 'today' && units !== 'recorded') hadInvalid = true;
  const provinceSort = parseProvinceSort(first(params.psort), first(params.pdir));
  if (provinceSort.invalid) hadInvalid = true;
  return {
    year,
    official: basis !== 'provisional',
    lineage: units !== 'recorded',
    provinceSort: provinceSort.sort,
    requestedYear,
    hadInvalid,
  };
}
