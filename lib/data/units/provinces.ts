import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { foldForSearch } from '@/lib/domain/search-text';
import { dateOf, isoDate, type UnitType } from '@/lib/domain/units';
import { reachOf, type Scope, scopedProvinceId } from '@/lib/domain/permissions';
import { inForceSql, typeOnSql } from './unit-sql';
import { wordStartMatch } from './wards';

/** Reads of provinces and units as they stood on a date. */

export interface ProvinceListItem {
  code: string;
  name: string;
  fullName: string;
  isCity: boolean;
  /** Former provinces: the province of today they became part of. */
  successor: { code: string; name: string } | null;
  wards: number;
  communes: number;
  townships: number;
  specialZones: number;
}

/**
 * Provinces in force on a date (today by default) within the user's reach, with their units in
 * force on that date by their type on that date; `search` ignores diacritics. A province-bound
 * user sees their province, or on a date before the merger the former provinces it came from.
 */
export async function listProvinces(
  scope: Scope,
  search = '',
  on: string = isoDate(new Date()),
): Promise<ProvinceListItem[]> {
  const folded = foldForSearch(search);
  const day = dateOf(on);
  const reach =
    reachOf(scope) === 'all'
      ? {}
      : { OR: [{ id: scope.provinceId ?? -1 }, { successorId: scope.provinceId ?? -1 }] };
  const provinces = await db().province.findMany({
    where: {
      AND: [
        { OR: [{ validFrom: null }, { validFrom: { lte: day } }] },
        { OR: [{ validTo: null }, { validTo: { gte: day } }] },
        reach,
        folded ? { OR: wordStartMatch(folded) } : {},
      ],
    },
    orderBy: { code: 'asc' },
    select: {
      id: true,
      code: true,
      name: true,
      fullName: true,
      isCity: true,
      successor: { select: { code: true, name: true } },
    },
  });
  const counts =
    provinces.length === 0
      ? []
      : await db().$queryRaw<{ province_id: number; type: UnitType; n: number }[]>(Prisma.sql`
          SELECT u.province_id, ${typeOnSql('u', Prisma.sql`${on}::date`)} AS type, count(*)::int AS n
            FROM units u
           WHERE u.province_id IN (${Prisma.join(provinces.map((p) => p.id))})
             AND ${inForceSql('u', Prisma.sql`${on}::date`)}
           GROUP BY 1, 2`);
  const count = (provinceId: number, type: UnitType) =>
    counts.find((c) => c.province_id === provinceId && c.type === type)?.n ?? 0;
  return provinces.map(({ id, ...p }) => ({
    ...p,
    wards: count(id, 'PHUONG'),
    communes: count(id, 'XA'),
    townships: count(id, 'THI_TRAN'),
    specialZones: count(id, 'DAC_KHU'),
  }));
}

export interface UnitCounts {
  provinces: number;
  units: number;
  byType: Record<UnitType, number>;
}

/** The nation on a date: provinces and commune-level units in force, units by their type then. */
export async function countUnitsOn(on: string): Promise<UnitCounts> {
  const day = Prisma.sql`${on}::date`;
  const [provinces] = await db().$queryRaw<{ n: number }[]>(Prisma.sql`
    SELECT count(*)::int AS n FROM provinces p WHERE ${inForceSql('p', day)}`);
  const rows = await db().$queryRaw<{ type: UnitType; n: number }[]>(Prisma.sql`
    SELECT ${typeOnSql('u', day)} AS type, count(*)::int AS n FROM units u WHERE ${inForceSql('u', day)} GROUP BY 1`);
  const byType = { PHUONG: 0, XA: 0, DAC_KHU: 0, THI_TRAN: 0 };
  for (const r of rows) byType[r.type] = r.n;
  return {
    provinces: provinces?.n ?? 0,
    units: rows.reduce((s, r) => s + r.n, 0),
    byType,
  };
}

/**
 * Today's province a form names by code: undefined when none was named (nationwide), null when
 * the code names no province of today.
 */
export async function optionalProvince(
  tx: Prisma.TransactionClient,
  code: string | undefined,
): Promise<{ id: number } | null | undefined> {
  if (!code) return undefined;
  return tx.province.findFirst({ where: { code, validTo: null }, select: { id: true } });
}

export interface ProvinceInfo {
  id: number;
  code: string;
  name: string;
  fullName: string;
  validTo: Date | null;
}

/** Provinces by id, as they are named (former ones included). */
export async function getProvincesById(ids: number[]): Promise<Map<number, ProvinceInfo>> {
  const rows = await db().province.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, name: true, fullName: true, validTo: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

/** One of today's provinces by code, or null when it is out of the user's reach. */
export async function getCurrentProvince(scope: Scope, code: string): Promise<ProvinceInfo | null> {
  const province = await db().province.findFirst({
    where: { code, validTo: null },
    select: { id: true, code: true, name: true, fullName: true, validTo: true },
  });
  if (!province) return null;
  return scopedProvinceId(scope, province.id) === province.id ? province : null;
}

/** Today's provinces the user may pick from, for filters and forms. */
export async function listProvinceOptions(scope: Scope): Promise<{ code: string; name: string }[]> {
  return db().province.findMany({
    where: { validTo: null, ...(reachOf(scope) === 'all' ? {} : { id: scope.provinceId ?? -1 }) },
    orderBy: { code: 'asc' },
    select: { code: true, name: true },
  });
}
