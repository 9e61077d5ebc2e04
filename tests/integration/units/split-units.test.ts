import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { listSplitUnits, SPLIT_UNITS_PAGE_SIZE } from '@/lib/data/units/successors';
import { seedReference } from '@/tests/support/factories';

/**
 * The administrator's review of former units split between several successors, on the real
 * national units: the count says how many match in all, the pages together show each exactly once
 * (those to confirm first), and a page past the end shows the last one. Before, one page held all
 * 442 of the country's split units with a form each (9,552 elements), and a longer list would have
 * stopped at 500 with the count saying 500.
 */

/** Former units with more than one successor, counted straight from the lineage table. */
async function splitUnitCodes(): Promise<{ code: string; toConfirm: boolean }[]> {
  const rows = await db().$queryRaw<{ code: string; basis: string | null }[]>`
    SELECT o.code, o.successor_basis::text AS basis FROM units o
      JOIN unit_lineage l ON l.old_unit_id = o.id
     GROUP BY o.id HAVING count(*) > 1`;
  return rows.map((r) => ({ code: r.code, toConfirm: r.basis === 'NEAREST_CODE' }));
}

beforeAll(seedReference);

describe('split units under review', () => {
  it('counts every split unit and shows each once across the pages, those to confirm first', async () => {
    const expected = await splitUnitCodes();
    expect(expected.length).toBeGreaterThan(SPLIT_UNITS_PAGE_SIZE);
    const first = await listSplitUnits({});
    expect(first.total).toBe(expected.length);
    expect(first.pages).toBe(Math.ceil(expected.length / SPLIT_UNITS_PAGE_SIZE));
    expect(first.rows).toHaveLength(SPLIT_UNITS_PAGE_SIZE);

    const seen: { code: string; basis: string | null }[] = [];
    for (let page = 1; page <= first.pages; page++) {
      const { rows } = await listSplitUnits({ page });
      seen.push(...rows.map((r) => ({ code: r.code, basis: r.basis })));
    }
    expect(seen.map((s) => s.code).sort()).toEqual(expected.map((e) => e.code).sort());
    const toConfirm = expected.filter((e) => e.toConfirm).length;
    expect(seen.slice(0, toConfirm).every((s) => s.basis === 'NEAREST_CODE')).toBe(true);
    expect(seen.slice(toConfirm).some((s) => s.basis === 'NEAREST_CODE')).toBe(false);
  });

  it('a page past the end shows the last page; the filters count what they keep', async () => {
    const all = await listSplitUnits({});
    const past = await listSplitUnits({ page: all.pages + 5 });
    expect(past.page).toBe(all.pages);
    expect(past.rows.length).toBeGreaterThan(0);
    expect(past.rows).toEqual((await listSplitUnits({ page: all.pages })).rows);

    const thanhHoa = await listSplitUnits({ provinceCode: '38', toConfirmOnly: true });
    expect(thanhHoa.total).toBeGreaterThan(0);
    expect(thanhHoa.total).toBeLessThan(all.total);
    expect(thanhHoa.rows.every((r) => r.basis === 'NEAREST_CODE')).toBe(true);
    expect(thanhHoa.rows.map((r) => r.code)).toContain('16435');
  });
});
