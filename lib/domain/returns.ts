import { resultStates, type ResultState } from './attainment';
import { memberOf } from './vocabulary';

/**
 * A returned criterion must be answered before the sheet goes back: its result changed since the
 * return, its evidence changed, or a written response. These are the rules, pure.
 */

export interface ResultSnapshot {
  state: ResultState;
  value: number | null;
  baseline: number | null;
  note: string;
}

export function snapshotOf(r: ResultSnapshot): ResultSnapshot {
  return { state: r.state, value: r.value, baseline: r.baseline, note: r.note };
}

/** Reads a stored snapshot back (JSON from the database); null when there is none. */
export function readSnapshot(json: unknown): ResultSnapshot | null {
  if (!json || typeof json !== 'object') return null;
  const s = json as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    state: memberOf(resultStates, s.state) ? s.state : 'NOT_ASSESSED',
    value: num(s.value),
    baseline: num(s.baseline),
    note: typeof s.note === 'string' ? s.note : '',
  };
}

/** The fields that differ between the result as returned and as it is now. */
export function changedFields(
  before: ResultSnapshot,
  now: ResultSnapshot,
): (keyof ResultSnapshot)[] {
  const keys: (keyof ResultSnapshot)[] = ['state', 'value', 'baseline', 'note'];
  return keys.filter((k) => before[k] !== now[k]);
}

export interface OpenReturn {
  criterion: number;
  answeredAt: Date | string | null;
}

/** The criteria (by number, ascending) whose open return has not been answered yet. */
export function unansweredReturns(open: readonly OpenReturn[]): number[] {
  return [...new Set(open.filter((r) => !r.answeredAt).map((r) => r.criterion))].sort(
    (a, b) => a - b,
  );
}
