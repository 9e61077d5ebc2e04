import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { rebuildAllProgress } from '@/lib/data/progress/summary';
import { listProvinceWardsFor } from '@/lib/data/units/ward-tables';
import { listWardsInReach } from '@/lib/data/units/ward-list';
import { wardCategory } from '@/lib/domain/maps';
import type { Scope } from '@/lib/domain/permissions';
import { provinceId, registeredWard, seedReference, YEAR } from '@/tests/support/factories';

/**
 * The ward list a drill-through opens holds what the clicked figure counts: a criterion bar's
 * unfilled part, a map legend entry's count; and a link handed to a narrower user shows only
 * their own province.
 */

const ministry: Scope = { role: 'MINISTRY', provinceId: null, unitId: null };
const CRITERION = 5;
let thanhHoa: number;
let wards: Awaited<ReturnType<typeof registeredWard>>[];

beforeAll(async () => {
  await seedReference();
  thanhHoa = await provinceId('38');
  // Three wards of Thanh Hóa: every criterion met; all but criterion 5; none assessed yet. One
  // of Nghệ An with all but criterion 5.
  wards = [
    await registeredWard(),
    await registeredWard(),
    await registeredWard(),
    await registeredWard({ provinceCode: '40' }),
  ];
  const setMet = async (w: (typeof wards)[number], except?: number) => {
    await db().criterionResult.updateMany({
      where: { assessmentId: w.assessment.id },
      data: { state: 'MET' },
    });
    if (except)
      await db().criterionResult.update({
        where: { id: w.result(except).id },
        data: { state: 'NOT_MET' },
      });
    const met = await db().criterionResult.count({
      where: { assessmentId: w.assessment.id, state: 'MET' },
    });
    await db().assessment.update({
      where: { id: w.assessment.id },
      data: { metCount: met, notMetCount: 22 - met, isAttained: met === 22 },
    });
  };
  await setMet(wards[0]!);
  await setMet(wards[1]!, CRITERION);
  await setMet(wards[3]!, CRITERION);
  await db().$transaction((tx) => rebuildAllProgress(tx));
});

const ask = (over: Partial<Parameters<typeof listWardsInReach>[1]> = {}) => ({
  year: YEAR,
  lineage: true,
  sort: 'ward' as const,
  dir: 'asc' as const,
  ...over,
});

describe('drill-through from a criterion bar', () => {
  it.each([true, false])(
    'lists as many wards as the bar leaves unfilled (units of today: %s), each not meeting it',
    async (lineage) => {
      const view = await getDashboard(ministry, {
        provinceId: thanhHoa,
        year: YEAR,
        official: true,
        lineage,
        nearMissLimit: 5,
      });
      const bar = view!.criteria.find((c) => c.number === CRITERION)!;
      const listed = await listWardsInReach(
        ministry,
        ask({ lineage, provinceCode: '38', criterion: CRITERION }),
      );
      expect(listed).toHaveLength(bar.assessed - bar.met);
      const codes = listed.map((w) => w.code);
      expect(codes).toContain(wards[1]!.unit.code);
      expect(codes).toContain(wards[2]!.unit.code);
      expect(codes).not.toContain(wards[0]!.unit.code);
      const states = await db().criterionResult.findMany({
        where: {
          assessmentId: { in: listed.map((w) => w.assessmentId!) },
          criterion: { number: CRITERION },
        },
        select: { state: true },
      });
      expect(states).toHaveLength(listed.length);
      expect(states.every((s) => s.state !== 'MET')).toBe(true);
    },
  );

  it('nationally, it spans provinces and names each row’s province', async () => {
    const listed = await listWardsInReach(ministry, ask({ criterion: CRITERION }));
    const mine = listed.filter((w) => wards.some((x) => x.unit.code === w.code));
    expect(mine.map((w) => w.provinceCode).sort()).toEqual(['38', '38', '40']);
  });
});

describe('drill-through from a map legend entry', () => {
  it('each category lists exactly the wards the province map counts under it', async () => {
    const rows = await listProvinceWardsFor(thanhHoa, { year: YEAR, lineage: true });
    for (const category of ['attained', 'short', 'registered', 'notRegistered'] as const) {
      const listed = await listWardsInReach(ministry, ask({ provinceCode: '38', category }));
      expect(listed.map((w) => w.code).sort()).toEqual(
        rows
          .filter((r) => wardCategory(r) === category)
          .map((r) => r.code)
          .sort(),
      );
    }
    const short = await listWardsInReach(ministry, ask({ provinceCode: '38', category: 'short' }));
    expect(short.map((w) => w.code)).toContain(wards[1]!.unit.code);
  });
});

describe('a link opened by a narrower user', () => {
  const ngheAn = async (): Promise<Scope> => ({
    role: 'PROVINCE',
    provinceId: await provinceId('40'),
    unitId: null,
  });

  it('shows only their province, whatever the link asks', async () => {
    const scope = await ngheAn();
    const national = await listWardsInReach(scope, ask({ criterion: CRITERION }));
    expect(national.length).toBeGreaterThan(0);
    expect(new Set(national.map((w) => w.provinceCode))).toEqual(new Set(['40']));
    expect(
      await listWardsInReach(scope, ask({ provinceCode: '38', criterion: CRITERION })),
    ).toEqual([]);
  });

  it('a ward officer gets no list of other wards', async () => {
    const scope: Scope = { role: 'WARD', provinceId: thanhHoa, unitId: wards[0]!.unit.id };
    expect(await listWardsInReach(scope, ask({ provinceCode: '38' }))).toEqual([]);
  });
});
