import { describe, expect, it } from 'vitest';
import { createDatabase, db } from '@/lib/db';
import { applyMigrations } from '@/lib/migrations';
import { testDatabaseEnv } from '@/tests/support/databases';
import { seed } from '@/prisma/seed';

async function counts() {
  const prisma = db();
  return {
    provinces: await prisma.province.count(),
    currentProvinces: await prisma.province.count({ where: { validTo: null } }),
    criteria: await prisma.criterion.count(),
    targets: await prisma.target.count(),
    units: await prisma.unit.count(),
    lineage: await prisma.unitLineage.count(),
    assessments: await prisma.assessment.count(),
    results: await prisma.criterionResult.count(),
    decisions: await prisma.recognitionDecision.count(),
  };
}

async function assessmentOf(name: string, provinceCode: string, year: number) {
  return db().assessment.findFirstOrThrow({
    where: { year, unit: { name, province: { code: provinceCode } } },
    include: { results: { include: { criterion: { select: { number: true } } } } },
  });
}

describe('seed', () => {
  it('is idempotent: a second run adds nothing', async () => {
    await seed(db(), { demo: true });
    const first = await counts();
    const again = await seed(db(), { demo: true });
    expect(again).toEqual({
      provinces: 0,
      criteriaSets: 0,
      targets: 0,
      demoUnits: 0,
      demoAssessments: 0,
      demoAccounts: 0,
    });
    expect(await counts()).toEqual(first);
    expect(first.currentProvinces).toBe(34);
    expect(first.provinces).toBe(34 + 63);
    expect(first.criteria).toBe(22);
    expect(await db().unit.count({ where: { validTo: null, type: 'PHUONG' } })).toBe(697);
  });

  it('reproduces An Hưng 2023: 18 of 22 met, the other 4 not yet due', async () => {
    const a = await assessmentOf('An Hưng', '38', 2023);
    expect({
      met: a.metCount,
      notDue: a.notDueCount,
      notMet: a.notMetCount,
      attained: a.isAttained,
    }).toEqual({
      met: 18,
      notDue: 4,
      notMet: 0,
      attained: false,
    });
    expect(a.results.filter((r) => r.state === 'NOT_DUE')).toHaveLength(4);
  });

  it('reproduces Đức Xuân 2023: 21 of 22, in the former province of Bắc Kạn', async () => {
    const a = await assessmentOf('Đức Xuân', '06', 2023);
    expect(a.metCount).toBe(21);
    expect(a.results.find((r) => r.state === 'NOT_MET')?.criterion.number).toBe(4);
  });

  it('reproduces Nghệ An 2023: 16 wards at 21 of 22, each missing criterion 22', async () => {
    const rows = await db().assessment.findMany({
      where: { year: 2023, unit: { province: { code: '40' } } },
      include: {
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
  });

  it('keeps history on both sides of the 2025 merger', async () => {
    const old = await db().unit.findFirstOrThrow({
      where: { name: 'Đức Xuân', validTo: { not: null } },
      include: {
        successors: { include: { newUnit: { include: { province: true, assessments: true } } } },
        assessments: true,
        province: true,
      },
    });
    expect(old.province.name).toBe('Bắc Kạn');
    expect(old.assessments.map((a) => a.year).sort()).toEqual([2023, 2024]);
    const successor = old.successors[0]!.newUnit;
    expect(successor.province.name).toBe('Thái Nguyên');
    expect(successor.validTo).toBeNull();
    expect(successor.assessments.length).toBeGreaterThan(0);
  });

  it('stores summaries that agree with the results', async () => {
    const mismatched = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM assessments a
      WHERE a.met_count <> (SELECT count(*) FROM criterion_results r WHERE r.assessment_id = a.id AND r.state = 'MET')
         OR a.is_attained <> (a.met_count = a.total_criteria)`;
    expect(mismatched[0]!.n).toBe(0);
  });

  it('leaves demo data out of a database when not asked for it', async () => {
    const env = await testDatabaseEnv('seed_nodemo');
    const other = createDatabase(env.vars);
    try {
      await applyMigrations(other.sql);
      const report = await seed(other.prisma, { demo: false });
      expect(report).toMatchObject({ provinces: 97, criteriaSets: 1, demoUnits: 0 });
      expect(await other.prisma.unit.count()).toBe(0);
      expect(await other.prisma.assessment.count()).toBe(0);
    } finally {
      await other.close();
      await env.drop();
    }
  });
});
