/**
 * The one rule for what a ward's results add up to. A ward is attained for a year when every
 * criterion of its set is met. "Not yet due" is neither met nor failed and is counted apart.
 */

export const resultStates = ['NOT_ASSESSED', 'IN_PROGRESS', 'MET', 'NOT_MET', 'NOT_DUE'] as const;
export type ResultState = (typeof resultStates)[number];

export interface ResultSummary {
  total: number;
  met: number;
  notMet: number;
  notDue: number;
  inProgress: number;
  notAssessed: number;
  isAttained: boolean;
}

export function summarizeResults(
  states: readonly ResultState[],
  totalCriteria = states.length,
): ResultSummary {
  const count = (s: ResultState) => states.filter((x) => x === s).length;
  const met = count('MET');
  const assessed = states.length;
  return {
    total: totalCriteria,
    met,
    notMet: count('NOT_MET'),
    notDue: count('NOT_DUE'),
    inProgress: count('IN_PROGRESS'),
    // Criteria with no result row yet count as not assessed.
    notAssessed: count('NOT_ASSESSED') + Math.max(0, totalCriteria - assessed),
    isAttained: isAttained(met, totalCriteria),
  };
}

export function isAttained(met: number, totalCriteria: number): boolean {
  return totalCriteria > 0 && met === totalCriteria;
}

/** How many criteria short of attainment: a "near miss" is 1 or 2. */
export function criteriaShort(met: number, totalCriteria: number): number {
  return Math.max(0, totalCriteria - met);
}

/** The counts a dossier stores for its results (the columns the dashboards and lists read). */
export function storedCounts(s: ResultSummary) {
  return {
    totalCriteria: s.total,
    metCount: s.met,
    notMetCount: s.notMet,
    notDueCount: s.notDue,
    inProgressCount: s.inProgress,
    isAttained: s.isAttained,
    criteriaShort: criteriaShort(s.met, s.total),
  };
}
