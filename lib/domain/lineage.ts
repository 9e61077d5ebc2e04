import { foldForSearch } from './search-text';
import type { UnitType } from './units';

/**
 * Where a former unit's figures go in today's-units views.
 *
 * THE RULE (also in docs/product.md and on the dashboards' method note). A former unit that went
 * into several of today's units counts under exactly one of them, its designated successor:
 *   1. the successor an administrator (or the lineage file) designated; otherwise
 *   2. its only successor; otherwise
 *   3. the successor that kept its statistics code (the register's continuation of the unit);
 *   4. the successor that kept its name;
 *   5. among the successors of its own kind (a phường goes to a phường where one exists), the
 *      one whose code is nearest to its own, the lower on a tie: codes are numbered across
 *      neighbouring units, so this is the neighbour its seat most likely joined. Designations
 *      made this way are listed for an administrator to confirm.
 * Every other successor shows the former unit in its history as "partly merged into", and its
 * results stay visible there, but they count once only, under the designated successor.
 */

export const SUCCESSOR_BASES = ['SOLE', 'CODE', 'NAME', 'NEAREST_CODE', 'FILE', 'ADMIN'] as const;
export type SuccessorBasis = (typeof SUCCESSOR_BASES)[number];

/** Designations a person made, which re-running the rule must never undo. */
export const isChosenByPerson = (basis: SuccessorBasis | null) =>
  basis === 'ADMIN' || basis === 'FILE';

export interface LineageUnit {
  code: string;
  name: string;
  type: UnitType;
}

export function designateSuccessor<S extends LineageUnit>(
  former: LineageUnit,
  successors: readonly S[],
): { successor: S; basis: SuccessorBasis } | null {
  if (successors.length === 0) return null;
  if (successors.length === 1) return { successor: successors[0]!, basis: 'SOLE' };
  const byCode = successors.find((s) => s.code === former.code);
  if (byCode) return { successor: byCode, basis: 'CODE' };
  const name = foldForSearch(former.name);
  const byName = successors.filter((s) => foldForSearch(s.name) === name);
  if (byName.length === 1) return { successor: byName[0]!, basis: 'NAME' };
  const sameKind = successors.filter((s) => s.type === former.type);
  const pool = sameKind.length > 0 ? sameKind : successors;
  const distance = (s: S) => Math.abs(Number(s.code) - Number(former.code));
  const nearest = [...pool].sort(
    (a, b) => distance(a) - distance(b) || Number(a.code) - Number(b.code),
  )[0]!;
  return { successor: nearest, basis: 'NEAREST_CODE' };
}
