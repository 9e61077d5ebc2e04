import { describe, expect, it } from 'vitest';
import {
  STALE_DAYS,
  addCompleteness,
  completenessOf,
  completenessTable,
  enteredShare,
  isStale,
  type CompletenessInput,
} from '@/lib/domain/completeness';
import { cellText } from '@/lib/domain/export-tables';

const NOW = new Date('2026-12-04T03:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const ward = (over: Partial<CompletenessInput> = {}): CompletenessInput => ({
  status: 'DRAFT',
  total: 22,
  entered: 22,
  updatedAt: daysAgo(1),
  ...over,
});

/** How complete a province's data is: what a leader reads before trusting its figures. */
describe('data completeness', () => {
  it('counts dossiers, fully entered ones, the share of criteria entered and the last write', () => {
    const c = completenessOf(
      [
        ward(),
        ward({ entered: 11, updatedAt: daysAgo(3) }),
        ward({ status: null, total: 0, entered: 0, updatedAt: null }),
      ],
      NOW,
    );
    expect(c).toMatchObject({ wards: 3, registered: 2, complete: 1, stale: 0 });
    expect(enteredShare(c)).toBe(33 / 44);
    expect(c.lastUpdate).toEqual(daysAgo(1));
  });

  it('has no share or last write without a dossier', () => {
    const c = completenessOf([ward({ status: null, total: 0, entered: 0, updatedAt: null })], NOW);
    expect(enteredShare(c)).toBeNull();
    expect(c.lastUpdate).toBeNull();
  });

  it('calls a dossier idle only while it is being entered, from the set number of days', () => {
    expect(isStale(ward({ updatedAt: daysAgo(STALE_DAYS) }), NOW)).toBe(true);
    expect(isStale(ward({ updatedAt: daysAgo(STALE_DAYS - 1) }), NOW)).toBe(false);
    expect(isStale(ward({ status: 'RETURNED', updatedAt: daysAgo(90) }), NOW)).toBe(true);
    // Waiting on a reviewer or decided: not the ward's entry that is idle.
    for (const status of ['SUBMITTED', 'PROPOSED', 'RECOGNISED'] as const)
      expect(isStale(ward({ status, updatedAt: daysAgo(90) }), NOW)).toBe(false);
  });

  it('adds provinces into the nation: counts summed, the share of all criteria, the latest write', () => {
    const a = completenessOf([ward({ entered: 0, updatedAt: daysAgo(40) })], NOW);
    const b = completenessOf([ward({ updatedAt: daysAgo(2) }), ward()], NOW);
    const nation = addCompleteness([a, b]);
    expect(nation).toMatchObject({ wards: 3, registered: 3, complete: 2, stale: 1 });
    expect(enteredShare(nation)).toBe(44 / 66);
    expect(nation.lastUpdate).toEqual(daysAgo(1));
  });

  it('lists the thinnest data first, the nation last, days in the reader’s format', () => {
    const thin = completenessOf([ward({ entered: 2 })], NOW);
    const full = completenessOf([ward()], NOW);
    const table = completenessTable(
      [
        { name: 'Nghệ An', completeness: full },
        { name: 'Thanh Hoá', completeness: thin },
      ],
      'vi',
    );
    expect(table.rows.map((r) => r[0])).toEqual(['Thanh Hoá', 'Nghệ An', 'Toàn quốc']);
    const last = table.columns.findIndex((c) => c.key === 'lastUpdate');
    expect(table.rows[0]![last]).toBe('2026-12-03');
    expect(cellText('2026-12-03', 'date', 'vi')).toBe('03/12/2026');
    // One province alone has no nation's line.
    expect(completenessTable([{ name: 'Thanh Hoá', completeness: thin }], 'en').rows).toHaveLength(
      1,
    );
  });
});
