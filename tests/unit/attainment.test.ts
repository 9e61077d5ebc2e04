import { describe, expect, it } from 'vitest';
import { criteriaShort, summarizeResults, type ResultState } from '@/lib/domain/attainment';

const repeat = (state: ResultState, n: number): ResultState[] =>
  Array.from({ length: n }, () => state);

describe('summarizeResults', () => {
  it('An Hưng 2023: 18 met and 4 not yet due is not attained, with nothing failed', () => {
    const s = summarizeResults([...repeat('MET', 18), ...repeat('NOT_DUE', 4)]);
    expect(s).toMatchObject({ total: 22, met: 18, notDue: 4, notMet: 0, isAttained: false });
  });

  it('22 of 22 met is attained', () => {
    expect(summarizeResults(repeat('MET', 22)).isAttained).toBe(true);
  });

  it('counts criteria without a result row as not assessed', () => {
    const s = summarizeResults([...repeat('MET', 20)], 22);
    expect(s).toMatchObject({ total: 22, met: 20, notAssessed: 2, isAttained: false });
  });

  it('an empty set is never attained', () => {
    expect(summarizeResults([], 0).isAttained).toBe(false);
  });

  it('measures how many criteria a ward is short', () => {
    expect(criteriaShort(21, 22)).toBe(1);
    expect(criteriaShort(22, 22)).toBe(0);
  });
});
