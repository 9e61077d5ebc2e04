import { describe, expect, it } from 'vitest';
import {
  deriveOutcome,
  isDerivable,
  resolveState,
  valueProblem,
  type Measure,
  type MeasureWithScale,
} from '@/lib/domain/measures';

const m = (
  measureKind: Measure['measureKind'],
  comparator: Measure['comparator'] = null,
  threshold: number | null = null,
): Measure => ({
  measureKind,
  comparator,
  threshold,
});

describe('deriveOutcome', () => {
  it('yes/no: yes is met, no is not met', () => {
    expect(deriveOutcome(m('BOOLEAN'), { value: 1 })).toBe('MET');
    expect(deriveOutcome(m('BOOLEAN'), { value: 0 })).toBe('NOT_MET');
    expect(deriveOutcome(m('BOOLEAN'), { value: null })).toBeNull();
  });

  it('percent against a threshold (criterion 9: = 100%, criterion 11: ≥ 95%)', () => {
    expect(deriveOutcome(m('PERCENT', 'EQ', 100), { value: 100 })).toBe('MET');
    expect(deriveOutcome(m('PERCENT', 'EQ', 100), { value: 99.9 })).toBe('NOT_MET');
    expect(deriveOutcome(m('PERCENT', 'GTE', 95), { value: 95 })).toBe('MET');
    expect(deriveOutcome(m('PERCENT', 'GTE', 95), { value: 94.5 })).toBe('NOT_MET');
  });

  it('count against a threshold (criterion 2: no one disciplined; 13: at least 2 models)', () => {
    expect(deriveOutcome(m('COUNT', 'EQ', 0), { value: 0 })).toBe('MET');
    expect(deriveOutcome(m('COUNT', 'EQ', 0), { value: 1 })).toBe('NOT_MET');
    expect(deriveOutcome(m('COUNT', 'GTE', 2), { value: 3 })).toBe('MET');
    expect(deriveOutcome(m('COUNT', 'GTE', 2), { value: 1 })).toBe('NOT_MET');
  });

  it('change against the same period last year (crime must fall; accidents must not rise)', () => {
    expect(deriveOutcome(m('CHANGE', 'LT', 0), { value: 35, baseline: 40 })).toBe('MET');
    expect(deriveOutcome(m('CHANGE', 'LT', 0), { value: 40, baseline: 40 })).toBe('NOT_MET');
    expect(deriveOutcome(m('CHANGE', 'LTE', 0), { value: 12, baseline: 12 })).toBe('MET');
    expect(deriveOutcome(m('CHANGE', 'LTE', 0), { value: 13, baseline: 12 })).toBe('NOT_MET');
    // Without last year's figure the change is unknown.
    expect(deriveOutcome(m('CHANGE', 'LT', 0), { value: 35, baseline: null })).toBeNull();
  });

  it('rating on an ordered scale: at or above the threshold level is met', () => {
    const rating = m('RATING', 'GTE', 2); // ≥ "Hoàn thành tốt nhiệm vụ"
    expect(deriveOutcome(rating, { value: 3 })).toBe('MET');
    expect(deriveOutcome(rating, { value: 2 })).toBe('MET');
    expect(deriveOutcome(rating, { value: 1 })).toBe('NOT_MET');
  });

  it('leaves the result to the assessor when there is no threshold', () => {
    expect(isDerivable(m('PERCENT'))).toBe(false);
    expect(deriveOutcome(m('PERCENT'), { value: 80 })).toBeNull();
    expect(isDerivable(m('RATING', null, null))).toBe(false);
  });
});

const w = (
  measureKind: Measure['measureKind'],
  comparator: Measure['comparator'] = null,
  threshold: number | null = null,
  ratingScale: string[] = [],
): MeasureWithScale => ({
  measureKind,
  comparator,
  threshold,
  ratingScale,
});

describe('valueProblem: values that do not fit their measure', () => {
  it('percent must lie within 0–100', () => {
    expect(valueProblem(w('PERCENT', 'GTE', 95), { value: 101 })).toBe('percent_range');
    expect(valueProblem(w('PERCENT', 'GTE', 95), { value: -1 })).toBe('percent_range');
    expect(valueProblem(w('PERCENT', 'GTE', 95), { value: 100 })).toBeNull();
  });
  it('counts are whole and not negative', () => {
    expect(valueProblem(w('COUNT', 'EQ', 0), { value: -2 })).toBe('negative');
    expect(valueProblem(w('COUNT', 'EQ', 0), { value: 1.5 })).toBe('count_integer');
  });
  it('a change needs last year’s figure', () => {
    expect(valueProblem(w('CHANGE', 'LT', 0), { value: 30, baseline: null })).toBe(
      'baseline_required',
    );
    expect(valueProblem(w('CHANGE', 'LT', 0), { value: null, baseline: 40 })).toBe(
      'value_required',
    );
  });
  it('a rating is a level of its scale; yes/no is 0 or 1; NaN is refused', () => {
    expect(valueProblem(w('RATING', 'GTE', 2, ['a', 'b', 'c']), { value: 3 })).toBe('rating_level');
    expect(valueProblem(w('BOOLEAN'), { value: 2 })).toBe('boolean_value');
    expect(valueProblem(w('PERCENT', 'GTE', 95), { value: Number.NaN })).toBe('value_required');
  });
});

describe('resolveState', () => {
  it('takes met / not met from the value, and refuses a stated result that contradicts it', () => {
    expect(resolveState(w('PERCENT', 'GTE', 95), 'MET', { value: 97 })).toEqual({
      ok: true,
      state: 'MET',
    });
    expect(resolveState(w('PERCENT', 'GTE', 95), 'MET', { value: 90 })).toEqual({
      ok: false,
      problem: 'contradicts_value',
    });
    expect(resolveState(w('PERCENT', 'GTE', 95), 'MET', { value: null })).toEqual({
      ok: false,
      problem: 'value_required',
    });
  });
  it('leaves "not yet due" and "in progress" to the assessor, value or not', () => {
    expect(resolveState(w('PERCENT', 'GTE', 95), 'NOT_DUE', { value: null })).toEqual({
      ok: true,
      state: 'NOT_DUE',
    });
    expect(resolveState(w('BOOLEAN'), 'IN_PROGRESS', { value: 1 })).toEqual({
      ok: true,
      state: 'IN_PROGRESS',
    });
  });
  it('lets the assessor decide where no threshold is set', () => {
    expect(resolveState(w('PERCENT'), 'NOT_MET', { value: 99 })).toEqual({
      ok: true,
      state: 'NOT_MET',
    });
  });
});
