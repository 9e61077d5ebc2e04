import 'server-only';
import type { Scope } from '@/lib/permissions';
import { getDashboard, type DashboardView } from './dashboard';
import { getCurrentProvince, listProvinceWards, type ProvinceInfo, type WardRow } from './progress';

export interface ReportData {
  view: DashboardView;
  province: ProvinceInfo | null;
  wards: WardRow[] | null;
}

/**
 * The figures of a report or export: the same dashboard the screen shows, for the nation or one
 * of today's provinces. Null when the scope is outside the user's reach (not found).
 */
export async function loadReportData(
  scope: Scope,
  query: {
    province?: string;
    year: number;
    basis: 'official' | 'provisional';
    units: 'today' | 'recorded';
  },
): Promise<ReportData | null> {
  const province = query.province ? await getCurrentProvince(scope, query.province) : null;
  if (query.province && !province) return null;
  const view = await getDashboard(scope, {
    provinceId: province?.id ?? null,
    year: query.year,
    official: query.basis === 'official',
    lineage: query.units === 'today',
  });
  if (!view) return null;
  return {
    view,
    province,
    wards: province ? await listProvinceWards(province.id, query.year) : null,
  };
}
