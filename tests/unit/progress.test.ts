import { describe, expect, it } from 'vitest';
import {
  assessProgress,
  clampYear,
  defaultYear,
  FIRST_YEAR,
  LAST_YEAR,
  milestoneResults,
  forecast,
  nextMilestone,
  projectFullYear,
  recentGain,
  targetLine,
  wardsStillNeeded,
  type YearShare,
} from '@/lib/domain/progress';
import { applicableTarget, targetWardCount } from '@/lib/domain/targets';

const national = [{ year: 2030, share: 1 }];
const series = (...points: [number, number | null][]): YearShare[] =>
  points.map(([year, share]) => ({ year, share }));

describe('assessProgress (target 100% by 2030, seen in 2026: 4 years left)', () => {
  it('achieved: the current share reaches the target', () => {
    expect(assessProgress(series([2025, 0.9], [2026, 1]), national, 2026).status).toBe('achieved');
  });

  it('on track: 20, 40, 60% — recent gain 0.20 ≥ 0.95 × required 0.10', () => {
    const p = assessProgress(series([2024, 0.2], [2025, 0.4], [2026, 0.6]), national, 2026);
    expect(p.required).toBeCloseTo(0.1);
    expect(p.recent).toBeCloseTo(0.2);
    expect(p.status).toBe('on_track');
    expect(p.projectedFullYear).toBe(2028); // 40 points left at 20 a year
  });

  it('needs acceleration: 46, 53, 60% — recent 0.07 is between 0.6× and 0.95× of 0.10', () => {
    const p = assessProgress(series([2024, 0.46], [2025, 0.53], [2026, 0.6]), national, 2026);
    expect(p.status).toBe('needs_acceleration');
    expect(p.projectedFullYear).toBe(2032); // 0.40 / 0.07 = 5.7 → 6 years
  });

  it('off track: 56, 58, 60% — recent 0.02 is below 0.6 × 0.10 but not negative', () => {
    expect(
      assessProgress(series([2024, 0.56], [2025, 0.58], [2026, 0.6]), national, 2026).status,
    ).toBe('off_track');
  });

  it('deteriorating: 64, 62, 60% — the share is falling', () => {
    const p = assessProgress(series([2024, 0.64], [2025, 0.62], [2026, 0.6]), national, 2026);
    expect(p.status).toBe('deteriorating');
    expect(p.projectedFullYear).toBeNull();
  });

  it('not enough data: a single year with data', () => {
    expect(assessProgress(series([2025, null], [2026, 0.3]), national, 2026).status).toBe(
      'not_enough_data',
    );
  });

  it('no target at all', () => {
    expect(assessProgress(series([2025, 0.2], [2026, 0.3]), [], 2026).status).toBe('no_target');
  });

  it('Hồ Chí Minh City: past its 2025 milestone, it is judged against 100% by 2029', () => {
    const hcm = [
      { year: 2025, share: 0.4 },
      { year: 2029, share: 1 },
    ];
    const p = assessProgress(series([2025, 0.42], [2026, 0.5]), hcm, 2026);
    expect(p.milestone).toEqual({ year: 2029, share: 1 });
    expect(p.required).toBeCloseTo(0.5 / 3);
    expect(p.recent).toBeCloseTo(0.08);
    expect(p.status).toBe('off_track'); // 0.08 < 0.6 × 0.1667 = 0.10
  });
});

describe('the pieces', () => {
  it('recent gain averages the last two yearly gains, skipping years without data', () => {
    expect(
      recentGain(series([2022, 0.1], [2023, null], [2024, 0.3], [2025, 0.4]), 2025),
    ).toBeCloseTo((0.1 + 0.1) / 2);
    expect(recentGain(series([2025, 0.4]), 2025)).toBeNull();
  });

  it('the next milestone is the first after the year, or the year’s own while it runs', () => {
    const hcm = [
      { year: 2025, share: 0.4 },
      { year: 2029, share: 1 },
    ];
    expect(nextMilestone(hcm, 2025, 28 / 365)).toEqual({ year: 2025, share: 0.4 });
    expect(nextMilestone(hcm, 2025, 0)).toEqual({ year: 2029, share: 1 });
    // Once every milestone's year is over there is nothing left to be on track for.
    expect(nextMilestone([{ year: 2025, share: 0.4 }], 2027)).toBeNull();
  });

  it('projects the year of 100%', () => {
    expect(projectFullYear(0.5, 0.25, 2026)).toBe(2028);
    expect(projectFullYear(1, 0, 2026)).toBe(2026);
    expect(projectFullYear(0.5, 0, 2026)).toBeNull();
  });

  it('forecasts at the recent pace, capped at 100%', () => {
    expect(forecast(0.6, 0.2, 2026).map((p) => p.share)).toEqual([0.6, 0.8, 1, 1, 1]);
  });

  it('draws the target line from 0% in 2021 through the milestones', () => {
    const line = targetLine([
      { year: 2025, share: 0.4 },
      { year: 2029, share: 1 },
    ]);
    expect(line.find((p) => p.year === 2023)?.share).toBeCloseTo(0.2);
    expect(line.find((p) => p.year === 2027)?.share).toBeCloseTo(0.7);
    expect(line.at(-1)).toEqual({ year: 2030, share: 1 });
  });

  it('counts the wards still needed for the milestone', () => {
    expect(wardsStillNeeded(30, 113, { year: 2025, share: 0.4 })).toBe(16); // 40% of 113 = 45.2 → 46
  });
});

describe('targets', () => {
  const targets = [
    { provinceId: null, year: 2030, kind: 'PERCENT' as const, value: 100, sourceDocument: 'BCA' },
    {
      provinceId: 79,
      year: 2025,
      kind: 'PERCENT' as const,
      value: 40,
      sourceDocument: 'CA TP HCM',
    },
  ];
  it('a province without its own target for the year inherits the national one, and says so', () => {
    expect(applicableTarget(targets, 38, 2030)).toMatchObject({ value: 100, origin: 'national' });
    expect(applicableTarget(targets, 79, 2025)).toMatchObject({ value: 40, origin: 'province' });
    expect(applicableTarget(targets, 79, 2026)).toBeNull();
  });
  it('turns a share or a count into wards', () => {
    expect(targetWardCount({ kind: 'PERCENT', value: 40 }, 113)).toBe(46);
    expect(targetWardCount({ kind: 'COUNT', value: 5 }, 3)).toBe(3);
  });
});

describe('milestones are verdicts (Hồ Chí Minh City: 40% by 2025, 100% by 2029)', () => {
  const hcm = [
    { year: 2025, share: 0.4 },
    { year: 2029, share: 1 },
  ];
  const history = series([2024, 0.2], [2025, 0.336]);

  it('2025 over at 33.6%: missed, and the pace is judged toward 2029, never toward 2025', () => {
    expect(milestoneResults(history, hcm, 2025, 0)).toEqual([
      { year: 2025, share: 0.4, actual: 0.336, outcome: 'missed' },
    ]);
    const pace = assessProgress(history, hcm, 2025, 0);
    expect(pace.milestone).toEqual({ year: 2029, share: 1 });
    expect(pace.required).toBeCloseTo((1 - 0.336) / 4);
  });

  it('in 2025 itself, with 28 days left: open, and 6.4 points in 28 days is no pace to be on track', () => {
    expect(milestoneResults(history, hcm, 2025, 28 / 365)[0]?.outcome).toBe('open');
    const pace = assessProgress(history, hcm, 2025, 28 / 365);
    expect(pace.milestone).toEqual({ year: 2025, share: 0.4 });
    expect(pace.required).toBeCloseTo(0.064 / (28 / 365));
    expect(pace.status).not.toBe('on_track');
    expect(pace.status).toBe('off_track'); // gaining 13.6 points a year, 0.83 needed
  });

  it('met as soon as the share reaches it, in its own year or after', () => {
    const good = series([2024, 0.2], [2025, 0.41], [2026, 0.5]);
    expect(milestoneResults(good, hcm, 2025, 0.5)[0]?.outcome).toBe('met');
    expect(milestoneResults(good, hcm, 2026, 0)).toEqual([
      { year: 2025, share: 0.4, actual: 0.41, outcome: 'met' },
    ]);
  });

  it('a year without data counted nothing: its milestone is missed once the year is over', () => {
    expect(milestoneResults(series([2025, null]), hcm, 2026, 0)[0]).toMatchObject({
      actual: null,
      outcome: 'missed',
    });
  });
});

describe('the default year', () => {
  it('is this year within the programme, the nearest programme year outside it', () => {
    expect(defaultYear(new Date(2026, 11, 5))).toBe(2026);
    expect(defaultYear(new Date(2019, 0, 1))).toBe(FIRST_YEAR);
    expect(defaultYear(new Date(2034, 5, 1))).toBe(LAST_YEAR);
    expect(clampYear(2030)).toBe(2030);
    expect(clampYear(2031)).toBe(2030);
  });
});
