import { describe, expect, it } from 'vitest';
import { deriveOutcome, isDerivable, type Measure } from '@/lib/domain/measures';

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
