import 'server-only';
import { db } from '@/lib/server/db';
import { reachOf, scopedProvinceId, type Scope } from '@/lib/domain/permissions';
import {
  filterWards,
  sortWards,
  type SortDir,
  type WardFilter,
  type WardSort,
} from '@/lib/domain/ward-list';
import type { WardCategory } from '@/lib/domain/maps';
import { listProvinceWardsFor, type WardRow } from './ward-tables';

export type ListedWard = WardRow & { provinceCode: string; provinceName: string };

export interface WardListAsk {
  year: number;
  lineage: boolean;
  /** Today's province by code; undefined: every province in the user's reach. */
  provinceCode?: string;
  category?: WardCategory;
  /** A criterion's number: only the wards whose dossier of the year does not meet it. */
  criterion?: number;
  sort: WardSort;
  dir: SortDir;
}

/**
 * The ward list a drill-through lands on: the rows of the province ward tables (the ones the cards,
 * the map and the near misses count), of every province the user may see or the one asked for,
 * filtered and sorted. A province out of the user's reach answers as one with no wards, so a link
 * shared by a wider user shows a narrower one only their own.
 */
export async function listWardsInReach(scope: Scope, ask: WardListAsk): Promise<ListedWard[]> {
  if (reachOf(scope) === 'unit') return [];
  const asked = ask.provinceCode
    ? await db().province.findFirst({
        where: { code: ask.provinceCode, validTo: null },
        select: { id: true },
      })
    : null;
  if (ask.provinceCode && !asked) return [];
  const reach = scopedProvinceId(scope, asked?.id ?? null);
  if (reach === 'none') return [];
  const provinces = await db().province.findMany({
    where: reach === null ? { validTo: null } : { id: reach },
    select: { id: true, code: true, name: true },
  });
  const rows = (
    await Promise.all(
      provinces.map((p) => listProvinceWardsFor(p.id, { year: ask.year, lineage: ask.lineage })),
    )
  ).flat();
  const filter: WardFilter = { category: ask.category };
  if (ask.criterion !== undefined)
    filter.failing = await dossiersNotMeeting(
      ask.criterion,
      rows.map((r) => r.assessmentId).filter((id): id is number => id !== null),
    );
  // Each row's own province: today's, or (as recorded) the one its unit belonged to then.
  const named = new Map(
    (
      await db().province.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.provinceId))] } },
        select: { id: true, code: true, name: true },
      })
    ).map((p) => [p.id, p]),
  );
  return sortWards(filterWards(rows, filter), ask.sort, ask.dir).map((r) => ({
    ...r,
    provinceCode: named.get(r.provinceId)?.code ?? '',
    provinceName: named.get(r.provinceId)?.name ?? '',
  }));
}

/**
 * Of these dossiers, the ones whose result on the criterion numbered so is not met (failed, in
 * progress, not assessed or not yet due): the part of a criterion bar that is not filled.
 */
export async function dossiersNotMeeting(
  criterionNumber: number,
  assessmentIds: number[],
): Promise<Set<number>> {
  const found = await db().criterionResult.findMany({
    where: {
      assessmentId: { in: assessmentIds },
      state: { not: 'MET' },
      criterion: { number: criterionNumber },
    },
    select: { assessmentId: true },
  });
  return new Set(found.map((f) => f.assessmentId));
}

/** The year's criteria (of the set its assessments use), for the list's criterion filter. */
export async function criteriaOfYear(
  year: number,
): Promise<{ number: number; title: string; titleEn: string }[]> {
  const setYear = await db().criteriaSetYear.findUnique({
    where: { year },
    select: {
      criteriaSet: {
        select: {
          criteria: {
            orderBy: { number: 'asc' },
            select: { number: true, title: true, titleEn: true },
          },
        },
      },
    },
  });
  return setYear?.criteriaSet.criteria ?? [];
}
