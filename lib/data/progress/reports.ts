import 'server-only';
import { db } from '@/lib/server/db';
import { reachOf, type Scope } from '@/lib/domain/permissions';
import { getDashboard, type DashboardView } from './dashboard';
import { listProvinceWardsFor, type WardRow } from '../units/ward-tables';
import { getCurrentProvince, type ProvinceInfo } from '@/lib/data/units/provinces';

export interface ReportData {
  view: DashboardView;
  province: ProvinceInfo | null;
  wards: readonly WardRow[] | null;
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
  // A province-bound user (or token) asking for the nation gets their province, named as such.
  const code =
    query.province ??
    (reachOf(scope) === 'province' ? await currentProvinceCode(scope.provinceId) : undefined);
  const province = code ? await getCurrentProvince(scope, code) : null;
  if (code && !province) return null;
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
    wards: province
      ? await listProvinceWardsFor(province.id, {
          year: query.year,
          lineage: query.units === 'today',
        })
      : null,
  };
}

async function currentProvinceCode(id: number | null): Promise<string | undefined> {
  if (id === null) return undefined;
  return (await db().province.findUnique({ where: { id }, select: { code: true } }))?.code;
}
