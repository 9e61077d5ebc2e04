/**
 * How a criterion's value decides its result. Five kinds of measure (../shared/DOMAIN.md):
 * yes/no, percent against a threshold, count against a threshold, change against the same
 * period last year, and a position on an ordered rating scale.
 */

export type MeasureKind = 'BOOLEAN' | 'PERCENT' | 'COUNT' | 'CHANGE' | 'RATING';
export type Comparator = 'EQ' | 'GTE' | 'GT' | 'LTE' | 'LT';

export interface Measure {
  measureKind: MeasureKind;
  comparator: Comparator | null;
  threshold: number | null;
}

export interface MeasuredValue {
  /** BOOLEAN: 1 yes, 0 no; RATING: the level's position, lowest 0; otherwise the figure. */
  value: number | null;
  /** CHANGE only: the figure for the same period last year. */
  baseline?: number | null;
}

export function compare(left: number, comparator: Comparator, right: number): boolean {
  switch (comparator) {
    case 'EQ':
      return left === right;
    case 'GTE':
      return left >= right;
    case 'GT':
      return left > right;
    case 'LTE':
      return left <= right;
    case 'LT':
      return left < right;
  }
}

/** Whether the value alone decides met / not met; otherwise the assessor states the result. */
export function isDerivable(measure: Measure): boolean {
  return (
    measure.measureKind === 'BOOLEAN' || (measure.comparator !== null && measure.threshold !== null)
  );
}

/** The figure compared with the threshold: for CHANGE, this period minus the same period last year. */
export function comparedFigure(measure: Measure, input: MeasuredValue): number | null {
  if (input.value === null || !Number.isFinite(input.value)) return null;
  if (measure.measureKind !== 'CHANGE') return input.value;
  if (input.baseline === null || input.baseline === undefined || !Number.isFinite(input.baseline))
    return null;
  return input.value - input.baseline;
}

/** 'MET' or 'NOT_MET' when the value decides it; null when it cannot (no value, or no threshold). */
export function deriveOutcome(measure: Measure, input: MeasuredValue): 'MET' | 'NOT_MET' | null {
  if (!isDerivable(measure)) return null;
  const figure = comparedFigure(measure, input);
  if (figure === null) return null;
  if (measure.measureKind === 'BOOLEAN') return figure === 1 ? 'MET' : 'NOT_MET';
  return compare(figure, measure.comparator!, measure.threshold!) ? 'MET' : 'NOT_MET';
}
