/**
 * How a criterion's value decides its result. Five kinds of measure (../shared/DOMAIN.md):
 * yes/no, percent against a threshold, count against a threshold, change against the same
 * period last year, and a position on an ordered rating scale.
 */

export type MeasureKind = 'BOOLEAN' | 'PERCENT' | 'COUNT' | 'CHANGE' | 'RATING';
export type Comparator = 'EQ' | 'GTE' | 'GT' | 'LTE' | 'LT';

/** A criterion as people read and edit it: its wording in both languages and its measure. */
export interface CriterionDefinition {
  number: number;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  evidenceGuidance: string;
  evidenceGuidanceEn: string;
  evidenceRequired: boolean;
  measureKind: MeasureKind;
  comparator: Comparator | null;
  threshold: number | null;
  ratingScale: string[];
  ratingScaleEn: string[];
}

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

export type ValueProblem =
  | 'percent_range'
  | 'count_integer'
  | 'negative'
  | 'rating_level'
  | 'boolean_value'
  | 'baseline_required'
  | 'value_required'
  | 'contradicts_value';

export interface MeasureWithScale extends Measure {
  ratingScale: readonly string[];
}

/** Whether a value fits its measure: percents 0–100, counts whole and not negative, and so on. */
export function valueProblem(measure: MeasureWithScale, input: MeasuredValue): ValueProblem | null {
  const { value } = input;
  const baseline = input.baseline ?? null;
  if (value === null)
    return baseline !== null && measure.measureKind === 'CHANGE' ? 'value_required' : null;
  if (!Number.isFinite(value)) return 'value_required';
  switch (measure.measureKind) {
    case 'BOOLEAN':
      return value === 0 || value === 1 ? null : 'boolean_value';
    case 'PERCENT':
      return value < 0 || value > 100 ? 'percent_range' : null;
    case 'COUNT':
      if (value < 0) return 'negative';
      return Number.isInteger(value) ? null : 'count_integer';
    case 'CHANGE':
      if (baseline === null || !Number.isFinite(baseline)) return 'baseline_required';
      if (value < 0 || baseline < 0) return 'negative';
      return Number.isInteger(value) && Number.isInteger(baseline) ? null : 'count_integer';
    case 'RATING':
      return Number.isInteger(value) && value >= 0 && value < measure.ratingScale.length
        ? null
        : 'rating_level';
  }
}

type RequestedState = 'NOT_ASSESSED' | 'IN_PROGRESS' | 'MET' | 'NOT_MET' | 'NOT_DUE';

/**
 * The state to store. "Not assessed", "in progress" and "not yet due" are the assessor's call.
 * Met / not met follows the value where the value decides it: a stated result that contradicts
 * the value is refused rather than silently changed; with no threshold the assessor decides.
 */
export function resolveState(
  measure: MeasureWithScale,
  requested: RequestedState,
  input: MeasuredValue,
): { ok: true; state: RequestedState } | { ok: false; problem: ValueProblem } {
  const problem = valueProblem(measure, input);
  if (problem) return { ok: false, problem };
  if (requested !== 'MET' && requested !== 'NOT_MET') return { ok: true, state: requested };
  if (!isDerivable(measure)) return { ok: true, state: requested };
  const derived = deriveOutcome(measure, input);
  if (derived === null) return { ok: false, problem: 'value_required' };
  return derived === requested
    ? { ok: true, state: derived }
    : { ok: false, problem: 'contradicts_value' };
}
