import { beforeAll, describe, expect, it } from 'vitest';
import { db, getDatabase } from '@/lib/server/db';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { listProvinceWardsFor } from '@/lib/data/units/ward-tables';
import { provincesTable } from '@/lib/domain/export-tables';
import { getSessionUser } from '@/lib/data/accounts/session-user';
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

  it('lists every near miss once, closest first, by name, with the total; none is recognised', async () => {
    for (const q of combos([2023, 2026])) {
      const label = JSON.stringify(q);
      const view = (await getDashboard(admin, { provinceId: null, ...q }))!;
      const shortBy = view.nearMisses.map((w) => w.total - w.met);
      expect(shortBy).toEqual([...shortBy].sort((a, b) => a - b));
      for (const n of [1, 2]) {
        const names = view.nearMisses.filter((w) => w.total - w.met === n).map((w) => w.unitName);
        expect(names, label).toEqual([...names].sort(new Intl.Collator('vi').compare));
      }
      // What each lacks is told apart: failed or not yet due, and adds up to what it is short.
      for (const w of view.nearMisses)
        expect(w.failed.length + w.notDue.length, `${label} ${w.unitCode}`).toBe(w.total - w.met);
      // The count is the sum of the provinces' counts (the province table's column)…
      expect(view.nearMissCount).toBe(view.nearMisses.length);
      expect([...view.nearMissByProvince.values()].reduce((a, b) => a + b, 0)).toBe(
        view.nearMissCount,
      );
      // …and never counts a recognised ward: at most the registered wards not recognised.
      expect(view.nearMissCount, label).toBeLessThanOrEqual(
        view.model.totals.registered -
          Math.min(view.model.totals.registered, view.model.totals.recognised),
      );
      // A page asks for the closest few: the same first rows, the same total.
      const page = (await getDashboard(admin, { provinceId: null, ...q, nearMissLimit: 3 }))!;
      expect(page.nearMisses).toEqual(view.nearMisses.slice(0, 3));
      expect(page.nearMissCount).toBe(view.nearMissCount);
    }
    // As recorded in 2023, counted straight from the dossiers: a phường of the time, registered,
    // one or two criteria short, holding no recognition at the year's end.
    const [{ n }] = (await getDatabase().sql.query<{ n: number }>(`
      SELECT count(*)::int n FROM assessments a JOIN units u ON u.id = a.unit_id
       WHERE a.year = 2023 AND a.status <> 'CANCELLED' AND u.type = 'PHUONG'
         AND (u.valid_from IS NULL OR u.valid_from <= '2023-12-31')
         AND (u.valid_to IS NULL OR u.valid_to >= '2023-12-31')
         AND a.total_criteria - a.met_count BETWEEN 1 AND 2
         AND NOT EXISTS (SELECT 1 FROM assessments b JOIN recognition_decisions r ON r.assessment_id = b.id
              WHERE b.unit_id = u.id AND r.year <= 2023
                AND (r.withdrawn_at IS NULL OR r.withdrawn_at > '2023-12-31 23:59:59'))`)) as [
      { n: number },
    ];
    for (const official of [true, false]) {
      const recorded = (await getDashboard(admin, {
        provinceId: null,
        year: 2023,
        official,
        lineage: false,
      }))!;
      expect(recorded.nearMissCount, `as recorded 2023 official=${official}`).toBe(n);
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
      const table = provincesTable(model, String, () => 0, 'vi');
      expect(table.columns.find((c) => c.key === 'counted')!.header.vi).toBe(
        q.official ? 'Đã công nhận' : 'Đạt (tạm tính)',
      );
    }
  });

  it('the units switch never changes a verdict: as recorded is judged on today’s units, and says so', async () => {
    for (const q of combos([2023, 2025, 2026])) {
      if (!q.lineage) continue;
      const today = (await getDashboard(admin, { provinceId: null, ...q }))!.model;
      const recorded = (await getDashboard(admin, { provinceId: null, ...q, lineage: false }))!
        .model;
      const label = JSON.stringify(q);
      expect(recorded.asRecorded, label).toBe(true);
      expect(recorded.progress, label).toEqual(today.progress);
      expect(recorded.milestoneResults, label).toEqual(today.milestoneResults);
      expect(recorded.judgedShare, label).toBe(today.share);
      // Since the merger the provinces are today's on both: each keeps its verdict.
      if (q.year >= 2025)
        for (const p of recorded.provinces) {
          const t = today.provinces.find((x) => x.provinceId === p.provinceId)!;
          expect(p.progress.status, `${label} ${p.provinceId}`).toBe(t.progress.status);
        }
    }
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
