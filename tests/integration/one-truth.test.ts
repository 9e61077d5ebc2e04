import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getDashboard } from '@/lib/data/dashboard';
import { listProvinceWardsFor } from '@/lib/data/ward-tables';
import { provincesTable } from '@/lib/domain/export-tables';
import { getSessionUser } from '@/lib/data/users';
import { seed } from '@/prisma/seed';
import { makeUser } from '@/tests/support/factories';

let admin: NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;
const thisYear = new Date().getFullYear();

beforeAll(async () => {
  await seed(db(), { demo: true });
  admin = (await getSessionUser((await makeUser('ADMIN')).id))!;
}, 180_000);

const combos = (years: number[]) =>
  years.flatMap((year) =>
    [true, false].flatMap((official) =>
      [true, false].map((lineage) => ({ year, official, lineage })),
    ),
  );

describe('one truth: the same figure everywhere', () => {
  it('shows no actual after the data date, for any year asked, in any view', async () => {
    for (const q of combos([thisYear, thisYear + 1, 2030])) {
      const view = (await getDashboard(admin, { provinceId: null, ...q }))!;
      expect(view.model.asOfYear).toBe(thisYear);
      expect(view.model.future).toBe(q.year > thisYear);
      for (const p of view.model.series)
        if (p.year > thisYear) expect(p.actual, `${JSON.stringify(q)} ${p.year}`).toBeNull();
    }
  });

  it('lists every near miss, closest first, with the total', async () => {
    for (const q of combos([2023, 2026])) {
      const view = (await getDashboard(admin, { provinceId: null, ...q }))!;
      const shortBy = view.nearMisses.map((w) => w.total - w.met);
      expect(shortBy).toEqual([...shortBy].sort((a, b) => a - b));
      const expected = await db().assessment.count({
        where: {
          year: Math.min(q.year, thisYear),
          status: { not: 'CANCELLED' },
          criteriaShort: { gte: 1, lte: 2 },
          unit: { type: 'PHUONG' },
        },
      });
      expect(view.nearMisses.length, JSON.stringify(q)).toBe(expected);
      expect(view.nearMissCount).toBe(expected);
      // A page asks for the closest few: the same first rows, the same total.
      const page = (await getDashboard(admin, { provinceId: null, ...q, nearMissLimit: 3 }))!;
      expect(page.nearMisses).toEqual(view.nearMisses.slice(0, 3));
      expect(page.nearMissCount).toBe(expected);
    }
  });

  it('the province table sums to the cards, and names its count as the cards do', async () => {
    for (const q of combos([2023, 2025, 2026])) {
      const { model } = (await getDashboard(admin, { provinceId: null, ...q }))!;
      const sum = (k: 'wards' | 'registered' | 'attained' | 'recognised' | 'counted') =>
        model.provinces.reduce((s, p) => s + p[k], 0);
      for (const k of ['wards', 'registered', 'attained', 'recognised', 'counted'] as const)
        expect(sum(k), `${JSON.stringify(q)} ${k}`).toBe(model.totals[k]);
      // Provisional counts recognised-or-attained: never fewer than either card.
      if (!q.official) {
        expect(model.totals.counted).toBeGreaterThanOrEqual(model.totals.attained);
        expect(model.totals.counted).toBeGreaterThanOrEqual(model.totals.recognised);
      }
      const table = provincesTable(model, String, 'vi');
      expect(table.columns.find((c) => c.key === 'counted')!.header.vi).toBe(
        q.official ? 'Đã công nhận' : 'Đạt (tạm tính)',
      );
    }
  });

  it('as recorded, status and forecast never span the 2025 merger', async () => {
    const recorded = (await getDashboard(admin, {
      provinceId: null,
      year: 2026,
      official: false,
      lineage: false,
    }))!.model;
    expect(recorded.sinceMerger).toBe(true);
    expect(recorded.progress.status).not.toBe('deteriorating');
  });

  it('the ward table of a province adds up to its cards, under today’s units and as recorded, in any year', async () => {
    const provinces = await db().province.findMany({
      where: { validTo: null, code: { in: ['38', '40', '79', '19'] } },
    });
    for (const province of provinces)
      for (const q of combos([2023, 2024, 2025, 2026, 2030])) {
        const view = (await getDashboard(admin, { provinceId: province.id, ...q }))!;
        const totals = view.model.totals;
        const table = await listProvinceWardsFor(province.id, q);
        const label = `${province.code} ${JSON.stringify(q)}`;
        expect(table.length, `${label} wards`).toBe(totals.wards);
        expect(table.filter((w) => w.recognisedSince !== null).length, `${label} recognised`).toBe(
          totals.recognised,
        );
        expect(table.filter((w) => w.status !== null).length, `${label} registered`).toBe(
          totals.registered,
        );
      }
  });
});
