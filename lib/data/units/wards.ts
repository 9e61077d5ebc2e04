import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { foldForSearch } from '@/lib/domain/search-text';
import { dateOf, isoDate, isWardInYear } from '@/lib/domain/units';
import type { Scope } from '@/lib/domain/permissions';
import type { AssessmentStatus } from '@/lib/domain/workflow';
import { recordScopeOf, unitScopeWhere } from '../scope';
import { byName, nameCollator } from '@/lib/domain/collation';
import { unitNaming } from './unit-sql';

/**
 * Wards as people look for them: by code (today's unit, or a former one on a date, since codes are
 * reused), by name with or without diacritics (former wards too, with what they became), and a
 * ward's history across the 2025 reorganisation under the designated-successor rule.
 */

/**
 * A folded search matches the start of a word of the folded code and name: "an hung" finds
 * An Hưng, not Trần Hưng Đạo; "1643" finds code 16435.
 */
export function wordStartMatch(folded: string) {
  return [{ searchKey: { startsWith: folded } }, { searchKey: { contains: ` ${folded}` } }];
}

/** Where a code points: the unit in force on `on`, else today's unit, else the latest former one. */
export function unitAt(code: string, on?: string): Prisma.UnitWhereInput {
  if (!on) return { code };
  const day = dateOf(on);
  return {
    code,
    AND: [
      { OR: [{ validFrom: null }, { validFrom: { lte: day } }] },
      { OR: [{ validTo: null }, { validTo: { gte: day } }] },
    ],
  };
}
export const latestFirst = { validFrom: { sort: 'desc', nulls: 'last' } } as const;

const unitRef = { id: true, code: true, name: true, fullName: true, validTo: true } as const;

export async function getWardHistory(scope: Scope, unitCode: string, on?: string) {
  const unit = await db().unit.findFirst({
    where: { ...unitAt(unitCode, on), ...unitScopeWhere(scope) },
    orderBy: latestFirst,
    select: {
      ...unitRef,
      type: true,
      provinceId: true,
      validFrom: true,
      districtName: true,
      countsUnderId: true,
      successorBasis: true,
      province: { select: { code: true, name: true } },
      typeChanges: {
        orderBy: { effectiveDate: 'asc' },
        select: { effectiveDate: true, fromType: true, toType: true, basis: true },
      },
      successors: {
        orderBy: { newUnit: { code: 'asc' } },
        select: {
          effectiveDate: true,
          newUnit: { select: { ...unitRef, provinceId: true } },
        },
      },
      predecessors: {
        orderBy: { oldUnit: { code: 'asc' } },
        select: {
          effectiveDate: true,
          oldUnit: {
            select: {
              ...unitRef,
              type: true,
              districtName: true,
              countsUnderId: true,
              province: { select: { name: true } },
              countsUnder: { select: unitRef },
            },
          },
        },
      },
    },
  });
  if (!unit) return null;
  const predecessors = unit.predecessors.map((p) => ({
    ...p.oldUnit,
    effectiveDate: p.effectiveDate,
    countsHere: p.oldUnit.countsUnderId === unit.id,
  }));
  const countsHere = new Map<number, boolean>([
    [unit.id, true],
    ...predecessors.map((p) => [p.id, p.countsHere] as [number, boolean]),
  ]);
  const assessments = await db().assessment.findMany({
    where: { unitId: { in: [...countsHere.keys()] } },
    orderBy: [{ year: 'desc' }, { unitId: 'asc' }],
    select: {
      id: true,
      year: true,
      status: true,
      origin: true,
      metCount: true,
      notMetCount: true,
      notDueCount: true,
      totalCriteria: true,
      isAttained: true,
      statusChangedAt: true,
      unit: { select: unitRef },
      recognition: { select: { number: true, decidedOn: true, withdrawnAt: true } },
    },
  });
  return {
    unit: {
      ...unit,
      successors: unit.successors.map((s) => ({
        ...s.newUnit,
        effectiveDate: s.effectiveDate,
        isDesignated: s.newUnit.id === unit.countsUnderId,
      })),
      predecessors,
    },
    record: recordScopeOf(unit),
    assessments: assessments.map((a) => ({ ...a, countsHere: countsHere.get(a.unit.id) ?? false })),
  };
}

export type WardHistory = NonNullable<Awaited<ReturnType<typeof getWardHistory>>>;

export interface WardListItem {
  code: string;
  name: string;
  fullName: string;
  validTo: Date | null;
  districtName: string | null;
  province: { code: string; name: string };
  /** Former wards: the units of today they went into; `isDesignated` where they count. */
  became: { code: string; fullName: string; isDesignated: boolean }[];
  latest: {
    year: number;
    status: AssessmentStatus;
    metCount: number;
    totalCriteria: number;
  } | null;
}

/**
 * Wards in scope for the wards list. Without a search, today's wards; with one (diacritics
 * ignored), former wards too, each with what it became.
 */
export async function listWards(
  scope: Scope,
  search: string,
  limit = 100,
): Promise<WardListItem[]> {
  const folded = foldForSearch(search);
  const units = await db().unit.findMany({
    where: {
      AND: [
        { type: 'PHUONG' },
        folded ? {} : { validTo: null },
        unitScopeWhere(scope),
        folded
          ? {
              OR: [
                ...wordStartMatch(folded),
                ...wordStartMatch(folded).map((m) => ({ province: m })),
              ],
            }
          : {},
      ],
    },
    orderBy: [latestFirst, { province: { code: 'asc' } }, { name: 'asc' }],
    take: limit,
    select: {
      code: true,
      name: true,
      fullName: true,
      validTo: true,
      districtName: true,
      countsUnderId: true,
      province: { select: { code: true, name: true } },
      successors: {
        orderBy: { newUnit: { code: 'asc' } },
        select: { newUnit: { select: { id: true, code: true, fullName: true } } },
      },
      assessments: {
        orderBy: { year: 'desc' },
        take: 1,
        select: { year: true, status: true, metCount: true, totalCriteria: true },
      },
    },
  });
  return (
    units
      .map((u) => ({
        code: u.code,
        name: u.name,
        fullName: u.fullName,
        validTo: u.validTo,
        districtName: u.districtName,
        province: u.province,
        became: u.successors.map((s) => ({
          code: s.newUnit.code,
          fullName: s.newUnit.fullName,
          isDesignated: s.newUnit.id === u.countsUnderId,
        })),
        latest: (u.assessments[0] as WardListItem['latest']) ?? null,
      }))
      // Today's units before former ones, by province, then in Vietnamese name order.
      .sort(
        (a, b) =>
          Number(a.validTo !== null) - Number(b.validTo !== null) ||
          a.province.code.localeCompare(b.province.code) ||
          nameCollator.compare(a.name, b.name),
      )
  );
}

/** A unit picker's suggestions: today's wards in scope whose code or a word of the name starts so. */
export async function searchUnits(
  scope: Scope,
  search: string,
  options: { provinceCode?: string; limit?: number } = {},
) {
  const folded = foldForSearch(search);
  if (!folded) return [];
  const units = await db().unit.findMany({
    where: {
      AND: [
        { type: 'PHUONG', validTo: null },
        unitScopeWhere(scope),
        options.provinceCode ? { province: { code: options.provinceCode } } : {},
        { OR: wordStartMatch(folded) },
      ],
    },
    take: options.limit ?? 20,
    orderBy: [{ province: { code: 'asc' } }, { name: 'asc' }],
    select: { code: true, fullName: true, province: { select: { name: true } } },
  });
  return units
    .map((u) => ({ code: u.code, name: u.fullName, province: u.province.name }))
    .sort((a, b) => nameCollator.compare(a.name, b.name));
}

/** Today's units of a province that count as wards in the year (lib/domain/units: isWardInYear). */
export async function listWardsOfYear(
  provinceId: number,
  year: number,
  client: Prisma.TransactionClient = db(),
) {
  const units = await client.unit.findMany({
    where: {
      provinceId,
      validTo: null,
      OR: [{ type: 'PHUONG' }, { typeChanges: { some: {} } }],
    },
    select: {
      ...unitNaming,
      type: true,
      validFrom: true,
      typeChanges: { select: { effectiveDate: true, fromType: true, toType: true } },
    },
  });
  return units
    .filter((u) =>
      isWardInYear(
        {
          type: u.type,
          validFrom: u.validFrom ? isoDate(u.validFrom) : null,
          typeChanges: u.typeChanges.map((c) => ({
            effectiveDate: isoDate(c.effectiveDate),
            fromType: c.fromType,
            toType: c.toType,
          })),
        },
        year,
      ),
    )
    .map(({ typeChanges: _changes, type: _type, validFrom: _from, ...u }) => u)
    .sort(byName((u) => u.name));
}
