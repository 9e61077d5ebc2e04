import { describe, expect, it } from 'vitest';
import { createDatabase, db } from '@/lib/server/db';
import { countUnitsOn } from '@/lib/data/units/provinces';
import { applyMigrations } from '@/lib/server/migrations';
import { testDatabaseEnv } from '@/tests/support/databases';
import { seed } from '@/prisma/seed';
import { REPORTED } from '@/prisma/seed-data/demo';

async function counts() {
  const prisma = db();
  return {
    provinces: await prisma.province.count(),
    criteria: await prisma.criterion.count(),
    targets: await prisma.target.count(),
    units: await prisma.unit.count(),
    lineage: await prisma.unitLineage.count(),
    changes: await prisma.unitTypeChange.count(),
    assessments: await prisma.assessment.count(),
    results: await prisma.criterionResult.count(),
    decisions: await prisma.recognitionDecision.count(),
  };
}

const former = (code: string) =>
  db().unit.findFirstOrThrow({
    where: { code, validTo: { not: null } },
    include: {
      province: { include: { successor: true } },
      countsUnder: true,
      successors: { include: { newUnit: true }, orderBy: { newUnit: { code: 'asc' } } },
    },
  });

async function assessmentOf(code: string, year: number) {
  return db().assessment.findFirstOrThrow({
    where: { year, unit: { code, validTo: { not: null } } },
    include: { results: { include: { criterion: { select: { number: true } } } } },
  });
}

describe('seed: the real country', () => {
  it('is idempotent: a second run adds nothing and does not re-import the units', async () => {
    const report = await seed(db(), { demo: true });
    expect(report.referenceUnits).toBe(10_035 + 3_321);
    const first = await counts();
    // Seeded with the demo: a demo installation, announced by a banner on every page.
    expect(await db().appSetting.findUnique({ where: { key: 'demo_mode' } })).toMatchObject({
      value: 'on',
    });
    const again = await seed(db(), { demo: true });
    expect(again).toEqual({
      referenceUnits: 0,
      criteriaSets: 0,
      targets: 0,
      demoAssessments: 0,
      demoAccounts: 0,
    });
    expect(await counts()).toEqual(first);
    expect(first).toMatchObject({
      provinces: 63 + 34,
      units: 13_356,
      lineage: 10_566,
      changes: 10,
      criteria: 22,
    });
  });

  it('counts the units in force by date: 63/10,035/1,726 phường before the merger, 34/3,321/687 after, 697 today', async () => {
    expect(await countUnitsOn('2025-06-30')).toEqual({
      provinces: 63,
      units: 10_035,
      byType: { PHUONG: 1_726, XA: 7_692, THI_TRAN: 617, DAC_KHU: 0 },
    });
    expect(await countUnitsOn('2025-07-01')).toMatchObject({
      provinces: 34,
      units: 3_321,
      byType: { PHUONG: 687, XA: 2_621, DAC_KHU: 13 },
    });
    expect((await countUnitsOn('2025-12-31')).byType.PHUONG).toBe(687);
    expect((await countUnitsOn('2026-04-29')).byType.PHUONG).toBe(687);
    expect((await countUnitsOn('2026-04-30')).byType.PHUONG).toBe(697);
    expect(await countUnitsOn('2026-12-31')).toMatchObject({
      provinces: 34,
      units: 3_321,
      byType: { PHUONG: 697, XA: 2_611, DAC_KHU: 13 },
    });
  });

  it('ships no placeholder unit: every code is a statistics office code', async () => {
    expect(await db().unit.count({ where: { code: { gte: '90000' } } })).toBe(0);
    expect(await db().unit.findFirst({ where: { code: '00004', validTo: null } })).toMatchObject({
      fullName: 'Phường Ba Đình',
    });
    expect(
      await db().unit.findFirst({ where: { code: '00004', validTo: { not: null } } }),
    ).toMatchObject({ fullName: 'Phường Trúc Bạch', districtName: 'Quận Ba Đình' });
  });

  it('splits An Hưng (16435) between Đông Quang and Hạc Thành; it counts under Đông Quang by the rule', async () => {
    const anHung = await former(REPORTED.anHung);
    expect(anHung.fullName).toBe('Phường An Hưng');
    expect(anHung.successors.map((s) => [s.newUnit.code, s.newUnit.fullName])).toEqual([
      ['14797', 'Phường Hạc Thành'],
      ['16417', 'Phường Đông Quang'],
    ]);
    expect(anHung.countsUnder?.code).toBe('16417');
    expect(anHung.successorBasis).toBe('NEAREST_CODE');
  });

  it('reproduces An Hưng 2023 as reported: 18 of 22 met, the other 4 not yet due', async () => {
    const a = await assessmentOf(REPORTED.anHung, 2023);
    expect({
      met: a.metCount,
      notDue: a.notDueCount,
      notMet: a.notMetCount,
      attained: a.isAttained,
      origin: a.origin,
    }).toEqual({ met: 18, notDue: 4, notMet: 0, attained: false, origin: 'REPORTED' });
  });

  it('reproduces Đức Xuân 2023: 21 of 22, in former Bắc Kạn, now in Thái Nguyên', async () => {
    const a = await assessmentOf(REPORTED.ducXuan, 2023);
    expect(a.metCount).toBe(21);
    expect(a.results.find((r) => r.state === 'NOT_MET')?.criterion.number).toBe(4);
    const unit = await former(REPORTED.ducXuan);
    expect(unit.province.name).toBe('Bắc Kạn');
    expect(unit.province.successor?.name).toBe('Thái Nguyên');
    expect(unit.countsUnder?.validTo).toBeNull();
  });

  it('reproduces Nghệ An 2023 on real former wards: 16 at 21 of 22, each missing criterion 22', async () => {
    const rows = await db().assessment.findMany({
      where: { year: 2023, unit: { province: { code: '40', validTo: { not: null } } } },
      include: {
        unit: { select: { name: true } },
        results: {
          where: { state: { not: 'MET' } },
          include: { criterion: { select: { number: true } } },
        },
      },
    });
    expect(rows).toHaveLength(16);
    expect(
      rows.every(
        (a) => a.metCount === 21 && a.results.length === 1 && a.results[0]!.criterion.number === 22,
      ),
    ).toBe(true);
    const names = rows.map((r) => r.unit.name);
    for (const n of ['Hà Huy Tập', 'Trường Thi', 'Nghi Hòa', 'Nghi Thu', 'Hoà Hiếu'])
      expect(names).toContain(n);
    // Those named in reports are marked so; the rest of the sixteen were chosen by the demo.
    expect(rows.filter((r) => r.origin === 'REPORTED')).toHaveLength(5);
  });

  it('registers Bắc Kạn’s Xuất Hóa and Sông Cầu for 2024, as reported', async () => {
    for (const code of REPORTED.bacKan2024) {
      const a = await assessmentOf(code, 2024);
      expect(a.origin).toBe('REPORTED');
      expect(a.status).not.toBe('CANCELLED');
    }
  });

  it('gives Hồ Chí Minh City its targets: 40% by 2025, 100% by 2029', async () => {
    const targets = await db().target.findMany({
      where: { province: { code: '79', validTo: null } },
      orderBy: { year: 'asc' },
    });
    expect(targets.map((t) => [t.year, t.value])).toEqual([
      [2025, 40],
      [2029, 100],
    ]);
  });

  it('marks every invented assessment as demo data', async () => {
    const byOrigin = await db().assessment.groupBy({ by: ['origin'], _count: { _all: true } });
    expect(byOrigin.find((g) => g.origin === 'RECORDED')).toBeUndefined();
    expect(byOrigin.find((g) => g.origin === 'REPORTED')?._count._all).toBe(2 + 5 + 2);
  });

  it('stores summaries that agree with the results', async () => {
    const mismatched = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM assessments a
      WHERE a.met_count <> (SELECT count(*) FROM criterion_results r WHERE r.assessment_id = a.id AND r.state = 'MET')
         OR a.is_attained <> (a.met_count = a.total_criteria)`;
    expect(mismatched[0]!.n).toBe(0);
  });

  it('loads the real units without demo data when not asked for it, and retires an old placeholder demo', async () => {
    const env = await testDatabaseEnv('seed_nodemo');
    const other = createDatabase(env.vars);
    try {
      await applyMigrations(other.sql);
      const report = await seed(other.prisma, { demo: false });
      expect(report).toMatchObject({ referenceUnits: 13_356, criteriaSets: 1, demoAssessments: 0 });
      expect(await other.prisma.assessment.count()).toBe(0);
      // A real installation: no account (the first administrator is created with admin:create),
      // and no demo mode, so no banner and no published password.
      expect(await other.prisma.user.count()).toBe(0);
      expect(await other.prisma.appSetting.findUnique({ where: { key: 'demo_mode' } })).toBeNull();

      // A database from before the real units held placeholder wards (9xxxx) with assessments.
      const province = await other.prisma.province.findFirstOrThrow({
        where: { code: '38', validTo: null },
      });
      const set = await other.prisma.criteriaSet.findFirstOrThrow();
      const placeholder = await other.prisma.unit.create({
        data: {
          code: '90001',
          name: 'Mẫu 01',
          fullName: 'Phường Mẫu 01',
          type: 'PHUONG',
          provinceId: province.id,
          searchKey: 'mau 01',
          validFrom: new Date('2025-07-01'),
        },
      });
      await other.prisma.assessment.create({
        data: { unitId: placeholder.id, year: 2025, criteriaSetId: set.id },
      });
      const withDemo = await seed(other.prisma, { demo: true });
      expect(withDemo.demoAssessments).toBeGreaterThan(0);
      expect(await other.prisma.unit.count({ where: { code: { gte: '90000' } } })).toBe(0);
      expect(await other.prisma.assessment.count({ where: { origin: 'RECORDED' } })).toBe(0);
    } finally {
      await other.close();
      await env.drop();
    }
  });
});
