import { describe, expect, it } from 'vitest';
import { buildDashboard, comparableYears, type CountsRow } from '@/lib/domain/dashboard';

/** One province: as recorded, 1,726-ish former phường before the merger, about 700 after. */
function rows(): CountsRow[] {
  const out: CountsRow[] = [];
  const add = (year: number, wards: number, recognised: number) =>
    out.push({
      year,
      provinceId: 1,
      wards,
      registered: recognised,
      attained: recognised,
      recognised,
      provisional: recognised,
    });
  add(2023, 1726, 700);
  add(2024, 1726, 800);
  add(2025, 687, 150);
  add(2026, 697, 180);
  // The summaries carry recognitions forward as a stock: rows exist for later years too.
  for (let y = 2027; y <= 2030; y += 1) add(y, 697, 180);
  return out;
}

const build = (year: number, lineage: boolean, dataDate = new Date('2026-12-04T10:00:00+07:00')) =>
  buildDashboard({
    rows: rows(),
    year,
    dataDate,
    lineage,
    official: true,
    milestones: [
      { year: 2025, share: 0.4, origin: 'national', source: 'KH' },
      { year: 2029, share: 1, origin: 'national', source: 'KH' },
    ],
    provinceMilestones: () => [],
  });

describe('dashboard model', () => {
  it('has no actual after the data date, whatever year is asked', () => {
    const model = build(2030, true);
    expect(model.future).toBe(true);
    expect(model.asOfYear).toBe(2026);
    expect(model.series.filter((p) => p.year > 2026).map((p) => p.actual)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(model.totals.recognised).toBe(180); // the data year's figures, said so on the page
    expect(model.series.find((p) => p.year === 2030)?.target).toBe(1);
  });

  it('as recorded, never compares years across the 2025 merger', () => {
    expect(comparableYears(2026, false)(2024)).toBe(false);
    expect(comparableYears(2026, false)(2025)).toBe(true);
    expect(comparableYears(2024, false)(2025)).toBe(false);
    expect(comparableYears(2026, true)(2021)).toBe(true);
    const recorded = build(2026, false);
    expect(recorded.sinceMerger).toBe(true);
    // 22% → 26% after the merger is growth; across it (800/1,726 = 46% → 22%) it would look like a fall.
    expect(recorded.progress.recent).toBeGreaterThan(0);
    expect(recorded.progress.status).not.toBe('deteriorating');
  });

  it('states the 2025 milestone missed in every later view; judges the pace toward 2029', () => {
    for (const year of [2025, 2026, 2028]) {
      const model = build(year, true);
      // Under today's units 150 of 687 wards in 2025: 21.8% against 40%.
      expect(model.milestoneResults[0]).toMatchObject({
        year: 2025,
        outcome: 'missed',
        origin: 'national',
      });
      expect(model.milestoneResults[0]!.actual).toBeCloseTo(150 / 687);
      expect(model.milestone?.year).toBe(2029);
    }
  });

  it('in the milestone’s own year, until 31 December, the milestone is open', () => {
    const model = build(2026, true, new Date('2025-12-04T10:00:00+07:00'));
    expect(model.asOfYear).toBe(2025);
    expect(model.daysLeft).toBe(28);
    expect(model.milestoneResults.map((r) => r.outcome)).toEqual(['open']);
    expect(model.milestone?.year).toBe(2025);
    expect(model.progress.status).not.toBe('on_track');
    // The year turns in Vietnam seven hours before it does in UTC.
    expect(build(2025, true, new Date('2025-12-31T18:00:00Z')).milestoneResults[0]?.outcome).toBe(
      'missed',
    );
  });

  it('labels the milestones on the target line', () => {
    expect(build(2026, true).milestones.map((m) => m.year)).toEqual([2025, 2029]);
  });
});
