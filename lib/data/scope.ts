import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { reachOf, type RecordScope, type Scope } from '@/lib/domain/permissions';

/**
 * The user's scope as a `where` on units. A former unit (before a merger) belongs to the
 * province and ward that succeeded it, so its history stays visible to today's owners.
 */
export function unitScopeWhere(scope: Scope): Prisma.UnitWhereInput {
  switch (reachOf(scope)) {
    case 'all':
      return {};
    case 'province': {
      const provinceId = scope.provinceId ?? -1;
      return { OR: [{ provinceId }, { successors: { some: { newUnit: { provinceId } } } }] };
    }
    case 'unit': {
      const unitId = scope.unitId ?? -1;
      return { OR: [{ id: unitId }, { successors: { some: { newUnitId: unitId } } }] };
    }
  }
}

/**
 * The units whose records the user may change: a former unit belongs only to its designated
 * successor (`counts_under_id`, the unit its figures count under in every roll-up), never to its
 * other successors, who may only view it (`unitScopeWhere`). Every write path finds its record
 * through this, so "owns" is decided by the same rule as the dashboards.
 */
export function ownedUnitWhere(scope: Scope): Prisma.UnitWhereInput {
  switch (reachOf(scope)) {
    case 'all':
      return {};
    case 'province': {
      const provinceId = scope.provinceId ?? -1;
      return { OR: [{ provinceId, countsUnderId: null }, { countsUnder: { provinceId } }] };
    }
    case 'unit': {
      const unitId = scope.unitId ?? -1;
      return { OR: [{ id: unitId, countsUnderId: null }, { countsUnderId: unitId }] };
    }
  }
}

/**
 * A unit's place for permission checks: today's province and unit. A former unit belongs to its
 * designated successor (the one it counts under); every successor may view it.
 */
export function recordScopeOf(unit: {
  id: number;
  provinceId: number;
  validTo: Date | null;
  countsUnderId?: number | null;
  successors?: { newUnit: { id: number; provinceId: number } }[];
}): RecordScope {
  const successors = unit.successors?.map((s) => s.newUnit) ?? [];
  if (unit.validTo === null || successors.length === 0)
    return { provinceId: unit.provinceId, unitId: unit.id };
  // The same owner as ownedUnitWhere: the designated successor, else no unit of today.
  const owner = successors.find((s) => s.id === unit.countsUnderId) ?? {
    id: unit.id,
    provinceId: unit.provinceId,
  };
  return {
    provinceId: owner.provinceId,
    unitId: owner.id,
    viewableBy: {
      provinceIds: successors.map((s) => s.provinceId),
      unitIds: successors.map((s) => s.id),
    },
  };
}
