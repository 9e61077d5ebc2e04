import { describe, expect, it } from 'vitest';
import { buildDashboard, type CountsRow } from '@/lib/domain/dashboard';
import { comparisonTable } from '@/lib/domain/comparison';
import { cellText } from '@/lib/domain/export-tables';
import { changeInPoints, rankByShare, rankMovement } from '@/lib/domain/ranks';

/**
 * Provinces against the year before: shares then and now, change in points, rank and places
 * gained, wards still needed, and the nation's line; never compared across the 2025 merger.
 */

function row(year: number, provinceId: number, wards: number, recognised: number): CountsRow {
  return {
    year,
    provinceId,
    wards,
    registered: recognised,
    attained: recognised,
    recognised,
    provisional: recognised,
  };
}

const build = (rows: CountsRow[], year: number, lineage = true) =>
  buildDashboard({
    rows,
    year,
    dataDate: new Date('2026-12-04T10:00:00+07:00'),
    lineage,
    official: true,
    milestones: [{ year: 2029, share: 1, origin: 'national', source: 'KH' }],
    provinceMilestones: () => [{ year: 2029, share: 1, origin: 'national', source: 'KH' }],
  });

describe('ranks', () => {
  it('ranks by share, equal shares sharing a place, and no place without a share', () => {
    const ranked = rankByShare(
      new Map<string, number | null>([
        ['a', 0.5],
        ['b', 0.8],
        ['c', 0.5],
        ['d', null],
        ['e', 0.1],
      ]),
    );
    expect(Object.fromEntries(ranked)).toEqual({ b: 1, a: 2, c: 2, e: 4 });
  });

  it('counts a change in points and places gained, or nothing when a year is missing', () => {
    expect(changeInPoints(0.35, 0.3)).toBe(5);
    expect(changeInPoints(0.3, 0.35)).toBe(-5);
    expect(changeInPoints(0.3, null)).toBeNull();
    expect(rankMovement(2, 5)).toBe(3);
    expect(rankMovement(5, 2)).toBe(-3);
    expect(rankMovement(null, 2)).toBeNull();
  });
});

describe('comparison with the year before', () => {
  const rows = [
    // Province 1 leads in 2025 and is overtaken in 2026; province 2 climbs; 3 starts in 2026.
    row(2025, 1, 10, 5),
    row(2026, 1, 10, 6),
    row(2025, 2, 20, 4),
    row(2026, 2, 20, 14),
    row(2025, 3, 10, 0),
    row(2026, 3, 10, 1),
  ];

  it('gives each province its change, rank then and now, and wards still needed', () => {
    const model = build(rows, 2026);
    const byId = new Map(model.provinces.map((p) => [p.provinceId, p]));
    expect(byId.get(2)).toMatchObject({ share: 0.7, previousShare: 0.2, rank: 1, previousRank: 2 });
    expect(byId.get(1)).toMatchObject({ share: 0.6, previousShare: 0.5, rank: 2, previousRank: 1 });
    // No registration in 2025: no share that year, so no rank then and no change.
    expect(byId.get(3)).toMatchObject({ previousShare: null, rank: 3, previousRank: null });
    expect(byId.get(2)?.wardsNeeded).toBe(6);
    expect(model.previousShare).toBeCloseTo(9 / 40);
  });

  it('is one table for the page and the files, ranked, with the nation last', () => {
    const model = build(rows, 2026);
    const table = comparisonTable(model, (id) => `Tỉnh ${id}`, 'vi');
    expect(table.columns.map((c) => c.key)).toEqual([
      'province',
      'rank',
      'previous',
      'share',
      'change',
      'previousRank',
      'rankMove',
      'needed',
      'target',
      'targetYear',
    ]);
    expect(table.rows.map((r) => r[0])).toEqual(['Tỉnh 2', 'Tỉnh 1', 'Tỉnh 3', 'Toàn quốc']);
    const first = table.rows[0]!;
    expect(first.map((v, i) => cellText(v, table.columns[i]!.kind, 'vi'))).toEqual([
      'Tỉnh 2',
      '1',
      '20%',
      '70%',
      '+50',
      '2',
      '+1',
      '6',
      '100%',
      '2029',
    ]);
    const second = table.rows[1]!;
    expect(cellText(second[6] ?? null, 'signed', 'vi')).toBe('-1');
    expect(cellText(second[4] ?? null, 'signed', 'vi')).toBe('+10');
    // The nation: 21 of 40 wards now, 9 of 40 the year before; 19 still needed for 100%.
    expect(table.rows.at(-1)).toEqual([
      'Toàn quốc',
      null,
      9 / 40,
      21 / 40,
      30,
      null,
      null,
      19,
      1,
      2029,
    ]);
    expect(comparisonTable(model, String, 'en').rows.at(-1)?.[0]).toBe('Nationwide');
  });

  it('as recorded, never compares 2025 with 2024 across the merger', () => {
    const recorded = build([row(2024, 1, 100, 50), row(2025, 1, 10, 5)], 2025, false);
    expect(recorded.provinces[0]).toMatchObject({ previousShare: null, previousRank: null });
    expect(recorded.previousShare).toBeNull();
    const today = build([row(2024, 1, 10, 2), row(2025, 1, 10, 5)], 2025, true);
    expect(today.provinces[0]?.previousShare).toBe(0.2);
  });
});
