import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { progressByProvinceAndYear } from '@/lib/data/progress/by-province';
import { rebuildAllProgress } from '@/lib/data/progress/summary';
import { foldForSearch } from '@/lib/domain/search-text';
import type { Scope } from '@/lib/domain/permissions';
import { provinceId, seedReference, dossierCounts } from '@/tests/support/factories';

/**
 * A small hand-built province of its own (code 99, with a former province 98 before the merger),
 * beside the real ones the reference seed loads:
 *
 *   today's wards W1 W2 W3 W4 (from 1/7/2025); former wards O1 O2 → W1, O3 → W2 (until 30/6/2025)
 *   2023  O1 attained, recognised 2023 · O2 attained, not recognised · O3 registered, not attained
 *   2024  O3 attained, recognised 2024
 *   2025  W1 attained, recognised 2025 · W2 21/22 (misses criterion 4) · W3 attained, proposed
 *   2026  W4 recognised in 2026 and withdrawn the same year
 *
 * The expected figures below are worked out by hand from this table.
 */

const ministry: Scope = { role: 'MINISTRY', provinceId: null, unitId: null };
let laiChau: number;
let formerLaiChau: number;

async function unit(code: string, name: string, former: boolean) {
  return db().unit.create({
    data: {
      code,
      name,
      fullName: `Phường ${name}`,
      type: 'PHUONG',
      provinceId: former ? formerLaiChau : laiChau,
      searchKey: foldForSearch(name),
      validFrom: former ? null : new Date('2025-07-01'),
      validTo: former ? new Date('2025-06-30') : null,
    },
  });
}

async function assessment(
  unitId: number,
  year: number,
  met: number,
  status: 'SUBMITTED' | 'PROPOSED' | 'INSPECTING' | 'RECOGNISED' | 'NOT_RECOGNISED',
  decision?: { year: number; withdrawn?: Date },
) {
  const set = await db().criteriaSet.findFirstOrThrow({ select: { id: true } });
  const a = await db().assessment.create({
    data: {
      unitId,
      year,
      criteriaSetId: set.id,
      status,
      ...dossierCounts(met),
    },
  });
  if (decision)
    await db().recognitionDecision.create({
      data: {
        assessmentId: a.id,
        number: `${a.id}/QĐ`,
        decidedOn: new Date(`${decision.year}-12-01`),
        year: decision.year,
        withdrawnAt: decision.withdrawn ?? null,
      },
    });
  return a;
}

beforeAll(async () => {
  await seedReference();
  const province = (code: string, former: boolean) =>
    db().province.create({
      data: {
        code,
        name: `Thử ${code}`,
        fullName: `Tỉnh Thử ${code}`,
        searchKey: `thu ${code}`,
        validFrom: former ? null : new Date('2025-07-01'),
        validTo: former ? new Date('2025-06-30') : null,
      },
    });
  laiChau = (await province('99', false)).id;
  formerLaiChau = (await province('98', true)).id;
  await db().province.update({ where: { id: formerLaiChau }, data: { successorId: laiChau } });
  const [w1, w2, w3, w4] = [
    await unit('99001', 'Một', false),
    await unit('99002', 'Hai', false),
    await unit('99003', 'Ba', false),
    await unit('99004', 'Bốn', false),
  ];
  const [o1, o2, o3] = [
    await unit('99901', 'Cũ Một', true),
    await unit('99902', 'Cũ Hai', true),
    await unit('99903', 'Cũ Ba', true),
  ];
  await db().unitLineage.createMany({
    data: [
      { oldUnitId: o1.id, newUnitId: w1!.id, effectiveDate: new Date('2025-07-01') },
      { oldUnitId: o2.id, newUnitId: w1!.id, effectiveDate: new Date('2025-07-01') },
      { oldUnitId: o3.id, newUnitId: w2!.id, effectiveDate: new Date('2025-07-01') },
    ],
  });
  for (const [former, successor] of [
    [o1, w1],
    [o2, w1],
    [o3, w2],
  ] as const)
    await db().unit.update({
      where: { id: former.id },
      data: { countsUnderId: successor!.id, successorBasis: 'SOLE' },
    });
  await assessment(o1.id, 2023, 22, 'RECOGNISED', { year: 2023 });
  await assessment(o2.id, 2023, 22, 'NOT_RECOGNISED');
  await assessment(o3.id, 2023, 18, 'NOT_RECOGNISED');
  await assessment(o3.id, 2024, 22, 'RECOGNISED', { year: 2024 });
  await assessment(w1!.id, 2025, 22, 'RECOGNISED', { year: 2025 });
  const w2a = await assessment(w2!.id, 2025, 21, 'SUBMITTED');
  await assessment(w3!.id, 2025, 22, 'PROPOSED');
  await assessment(w4!.id, 2026, 22, 'RECOGNISED', {
    year: 2026,
    withdrawn: new Date('2026-10-01'),
  });
  // W2's results, for the near-miss list and the criteria chart.
  const criteria = await db().criterion.findMany({ orderBy: { number: 'asc' } });
  await db().criterionResult.createMany({
    data: criteria.map((c) => ({
      assessmentId: w2a.id,
      criterionId: c.id,
      state: c.number === 4 ? ('NOT_MET' as const) : ('MET' as const),
    })),
  });
  // Built behind the app's back: bring the dashboard summaries up to date, as imports do.
  await db().$transaction((tx) => rebuildAllProgress(tx));
});

const row = async (lineage: boolean, year: number, province: number) =>
  (await progressByProvinceAndYear({ lineage, provinceId: laiChau })).find(
    (r) => r.year === year && r.provinceId === province,
  );

/** A summary row: year and province, then wards, registered, attained, recognised, provisional. */
const summaryRow = (year: number, provinceId: number, counts: number[]) => {
  const [wards, registered, attained, recognised, provisional] = counts;
  return { year, provinceId, wards, registered, attained, recognised, provisional };
};

describe('roll-ups under today’s units (lineage)', () => {
  it('2023: the three former wards count as two of today’s wards; one recognised', async () => {
    expect(await row(true, 2023, laiChau)).toEqual(summaryRow(2023, laiChau, [4, 2, 1, 1, 1]));
  });

  it('2025: recognitions carry over through the lineage without counting W1 twice', async () => {
    // Recognised by 2025: O1 (→W1), O3 (→W2), W1 itself → {W1, W2}. Provisional adds W3.
    expect(await row(true, 2025, laiChau)).toEqual(summaryRow(2025, laiChau, [4, 3, 2, 2, 3]));
  });

  it('2026: a recognition withdrawn within the year does not count', async () => {
    expect(await row(true, 2026, laiChau)).toMatchObject({ registered: 1, recognised: 2 });
  });
});

describe('roll-ups as recorded', () => {
  it('2023 results stay on the former wards of the former province', async () => {
    expect(await row(false, 2023, formerLaiChau)).toEqual(
      summaryRow(2023, formerLaiChau, [3, 3, 2, 1, 2]),
    );
    expect(await row(false, 2023, laiChau)).toBeUndefined();
  });

  it('2025: former wards have ceased, so only W1’s own recognition counts', async () => {
    expect(await row(false, 2025, laiChau)).toMatchObject({
      wards: 4,
      registered: 3,
      recognised: 1,
      provisional: 2,
    });
  });
});

describe('the province dashboard', () => {
  const laiChau2025 = async (official: boolean) =>
    (await getDashboard(ministry, { provinceId: laiChau, year: 2025, official, lineage: true }))!;

  it('official, today’s units, 2025: 2 of 4 (50%), on track for 100% by 2030 (inherited), 100% projected in 2029', async () => {
    const view = await laiChau2025(true);
    expect(view.model.totals).toEqual({
      wards: 4,
      registered: 3,
      attained: 2,
      recognised: 2,
      provisional: 3,
      counted: 2,
    });
    expect(view.model.share).toBe(0.5);
    expect(view.model.milestone).toMatchObject({ year: 2030, share: 1, origin: 'national' });
    // Shares 2023–2025: 25%, 50%, 50%: recent gain (0.25 + 0) / 2 = 0.125 ≥ 0.95 × (1 − 0.5) / 5 = 0.095.
    expect(view.model.progress).toMatchObject({ status: 'on_track', projectedFullYear: 2029 });
    expect(view.model.progress.recent).toBeCloseTo(0.125);
    expect(view.model.wardsNeeded).toBe(2);
    expect(view.model.series.find((p) => p.year === 2024)?.actual).toBe(0.5);
  });

  it('provisional, 2025: 3 of 4', async () => {
    const view = await laiChau2025(false);
    expect(view.model.totals.counted).toBe(3);
    expect(view.model.share).toBe(0.75);
  });

  it('W2 is 21/22 but holds O3’s recognition: not a near miss; criterion 4 is the most missed', async () => {
    const view = await laiChau2025(true);
    expect(view.nearMisses).toEqual([]);
    expect(view.nearMissCount).toBe(0);
    expect(view.criteria.find((c) => c.number === 4)).toMatchObject({ met: 0, assessed: 1 });
    expect(view.criteria.find((c) => c.number === 5)).toMatchObject({ met: 1, assessed: 1 });
  });

  it('is not found for a provincial officer of another province', async () => {
    const other: Scope = { role: 'PROVINCE', provinceId: await provinceId('40'), unitId: null };
    expect(
      await getDashboard(other, { provinceId: laiChau, year: 2025, official: true, lineage: true }),
    ).toBeNull();
    const own: Scope = { role: 'PROVINCE', provinceId: laiChau, unitId: null };
    expect(
      (await getDashboard(own, { provinceId: null, year: 2025, official: true, lineage: true }))
        ?.model.totals.wards,
    ).toBe(4);
  });
});
