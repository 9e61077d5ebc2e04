import 'server-only';
import { db } from '@/lib/server/db';
import { byName } from '@/lib/domain/collation';
import { isNearMiss } from '@/lib/domain/maps';
import type { ProvinceWardTable, WardRow } from '../units/ward-tables';

/**
 * Near misses: the rows of the ward tables (the same rows the cards, the ward table and the map
 * count, under today's units or as recorded) that are one or two criteria short
 * (lib/domain/maps.ts `isNearMiss`). So the list, its count, the map's legend, the province
 * table and every export agree by construction.
 */

export interface NearMiss {
  /** The ward of the table (today's, or as recorded). */
  unitCode: string;
  unitName: string;
  unitValidTo: Date | null;
  /** The unit whose dossier it is, when another (a former ward counted under today's). */
  dossierUnit: { code: string; fullName: string; validTo: Date | null } | null;
  isDemo: boolean;
  provinceCode: string;
  provinceName: string;
  met: number;
  total: number;
  /** Criteria not met: failed (not met, in progress or not assessed) … */
  failed: { number: number; title: string; titleEn: string }[];
  /** … and not yet due for assessment this year. */
  notDue: { number: number; title: string; titleEn: string }[];
}

export interface NearMissList {
  rows: NearMiss[];
  total: number;
  /** How many in each province of the view (by id), whatever `limit` shows. */
  byProvince: Map<number, number>;
}

/**
 * The near misses in the ward tables of today's provinces, or of one (todaysWardTables, for a
 * year): closest first (one short before two), then by name in Vietnamese order; the first
 * `limit` with their criteria (all when null), and the counts of all.
 */
export async function listNearMisses(
  tables: readonly ProvinceWardTable[],
  limit: number | null = null,
): Promise<NearMissList> {
  const rows = tables.flatMap((t) => t.rows).filter(isNearMiss);
  // Each row's own province: today's, or as recorded the one its unit belonged to then.
  const provinces = new Map(
    (
      await db().province.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.provinceId))] } },
        select: { id: true, code: true, name: true },
      })
    ).map((p) => [p.id, p]),
  );
  const byProvince = new Map<number, number>();
  for (const r of rows) byProvince.set(r.provinceId, (byProvince.get(r.provinceId) ?? 0) + 1);
  const all = rows
    .map((row) => ({ row, province: provinces.get(row.provinceId)! }))
    .sort(
      (a, b) =>
        a.row.total - a.row.met - (b.row.total - b.row.met) ||
        byName<{ row: WardRow }>((x) => x.row.name)(a, b),
    );
  const shown = limit === null ? all : all.slice(0, limit);
  const ids = shown.map((s) => s.row.assessmentId).filter((id): id is number => id !== null);
  const missing = await db().criterionResult.findMany({
    where: { assessmentId: { in: ids }, state: { not: 'MET' } },
    orderBy: { criterion: { number: 'asc' } },
    select: {
      assessmentId: true,
      state: true,
      criterion: { select: { number: true, title: true, titleEn: true } },
    },
  });
  return {
    total: all.length,
    byProvince,
    rows: shown.map(({ row, province }) => {
      const mine = missing.filter((m) => m.assessmentId === row.assessmentId);
      return {
        unitCode: row.code,
        unitName: row.name,
        unitValidTo: row.validTo,
        dossierUnit: row.fromUnits.length > 0 ? row.dossierUnit : null,
        isDemo: row.isDemo,
        provinceCode: province.code,
        provinceName: province.name,
        met: row.met,
        total: row.total,
        failed: mine.filter((m) => m.state !== 'NOT_DUE').map((m) => m.criterion),
        notDue: mine.filter((m) => m.state === 'NOT_DUE').map((m) => m.criterion),
      };
    }),
  };
}
