import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { reachOf, type RecordScope, type Scope } from '@/lib/permissions';

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

/** A unit's place for permission checks: today's province and unit (through lineage for former units). */
export function recordScopeOf(unit: {
  id: number;
  provinceId: number;
  validTo: Date | null;
  successors?: { newUnit: { id: number; provinceId: number } }[];
}): RecordScope {
  if (unit.validTo === null || !unit.successors?.length)
    return { provinceId: unit.provinceId, unitId: unit.id };
  const next = unit.successors[0]!.newUnit;
  return { provinceId: next.provinceId, unitId: next.id };
}
