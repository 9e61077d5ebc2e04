import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isBare } from '@/lib/domain/evidence-check';
import { storedCounts, summarizeResults } from '@/lib/domain/attainment';
import { dateOf, MERGER_DATE } from '@/lib/domain/units';
import { createCriteriaSet } from '@/lib/data/programme/criteria-sets';
import { rebuildAllProgress } from '@/lib/data/progress/summary';
import { hash } from '@node-rs/argon2';
import { criteriaSet22 } from './seed-data/criteria-22';
import { demoRefusal, DemoRefused, setDemoMode } from '@/lib/data/settings';
import { DEMO_PASSWORD, demoAccounts } from './seed-data/demo-accounts';
import { buildDemo, type DemoInput, type DemoResultState, type DemoStatus } from './seed-data/demo';
import { loadReference } from './seed-data/reference';

/**
 * Idempotent: the national reference (prisma/reference) is loaded when missing or changed;
 * criteria and targets are created when missing and never overwritten (an administrator may have
 * corrected them since); the demo is added in one transaction when absent.
 */

export interface SeedReport {
  referenceUnits: number;
  criteriaSets: number;
  targets: number;
  demoAssessments: number;
  demoAccounts: number;
}

const TX = { timeout: 600_000, maxWait: 60_000 };

export async function seed(prisma: PrismaClient, options: { demo: boolean }): Promise<SeedReport> {
  const report: SeedReport = {
    referenceUnits: 0,
    criteriaSets: 0,
    targets: 0,
    demoAssessments: 0,
    demoAccounts: 0,
  };
  await prisma.$transaction(async (tx) => {
    report.referenceUnits = await loadReference(tx);
    report.criteriaSets =
      (await createCriteriaSet(tx, criteriaSet22, { takeYears: false })) === null ? 0 : 1;
    report.targets = await seedTargets(tx);
    if (report.referenceUnits > 0) await rebuildAllProgress(tx);
  }, TX);
  if (options.demo) {
    const refusal = await demoRefusal(
      prisma,
      demoAccounts.map((a) => a.email),
    );
    if (refusal) throw new DemoRefused(refusal);
    report.demoAssessments = await seedDemo(prisma);
    report.demoAccounts = await seedDemoAccounts(prisma);
    if (report.demoAssessments > 0) await seedDemoCalendar(prisma);
    // The installation is now a demo: every page says so, and the sign-in page lists the accounts.
    await prisma.$transaction((tx) => setDemoMode(tx, true));
  }
  // Dashboards read summaries kept on write; build them when missing (a new or older database).
  if (report.demoAssessments > 0 || (await prisma.provinceYearProgress.count()) === 0)
    await prisma.$transaction((tx) => rebuildAllProgress(tx), TX);
  // Thousands of rows just arrived: give the planner their statistics now rather than when
  // autovacuum gets round to it, or the first writes join units without knowing their size.
  if (report.referenceUnits > 0 || report.demoAssessments > 0) await prisma.$executeRaw`ANALYZE`;
  return report;
}

const seedTargetRows: {
  provinceCode: string | null;
  year: number;
  value: number;
  source: string;
}[] = [
  {
    provinceCode: null,
    year: 2030,
    value: 100,
    source: 'Bộ Công an: mọi Công an phường đạt điển hình, kiểu mẫu vào năm 2030',
  },
  {
    provinceCode: '79',
    year: 2025,
    value: 40,
    source: 'Kế hoạch của Công an TP Hồ Chí Minh (theo báo chí): trên 40% phường năm 2025',
  },
  {
    provinceCode: '79',
    year: 2029,
    value: 100,
    source: 'Kế hoạch của Công an TP Hồ Chí Minh (theo báo chí): 100% phường năm 2029',
  },
  {
    provinceCode: '33',
    year: 2025,
    value: 50,
    source: 'Kế hoạch của Công an tỉnh Hưng Yên (theo báo chí): 50% năm 2025',
  },
  {
    provinceCode: '33',
    year: 2028,
    value: 100,
    source: 'Kế hoạch của Công an tỉnh Hưng Yên (theo báo chí): 100% năm 2028',
  },
];

async function seedTargets(prisma: Prisma.TransactionClient): Promise<number> {
  const current = await prisma.province.findMany({
    where: { validTo: null },
    select: { id: true, code: true },
  });
  const idByCode = new Map(current.map((p) => [p.code, p.id]));
  let created = 0;
  for (const row of seedTargetRows) {
    const provinceId = row.provinceCode ? idByCode.get(row.provinceCode)! : null;
    const exists = await prisma.target.findFirst({
      where: { provinceId, year: row.year },
      select: { id: true },
    });
    if (exists) continue;
    await prisma.target.create({
      data: {
        provinceId,
        year: row.year,
        kind: 'PERCENT',
        value: row.value,
        sourceDocument: row.source,
      },
    });
    created += 1;
  }
  return created;
}

interface SeedCriterion {
  id: number;
  number: number;
  measureKind: string;
  comparator: string | null;
  threshold: number | null;
}

/** A value consistent with the state: what an assessor would have typed. */
export function sampleValue(
  c: SeedCriterion,
  state: DemoResultState,
): { value: number | null; baseline: number | null } {
  if (state !== 'MET' && state !== 'NOT_MET') return { value: null, baseline: null };
  const met = state === 'MET';
  const t = c.threshold ?? 0;
  switch (c.measureKind) {
    case 'BOOLEAN':
      return { value: met ? 1 : 0, baseline: null };
    case 'RATING':
      return { value: met ? t : Math.max(0, t - 1), baseline: null };
    case 'PERCENT':
      return {
        value: c.comparator === 'EQ' ? (met ? 100 : 97) : met ? Math.min(100, t + 3) : t - 6,
        baseline: null,
      };
    case 'COUNT':
      return {
        value: c.comparator === 'EQ' ? (met ? t : t + 1) : met ? t + 1 : Math.max(0, t - 1),
        baseline: null,
      };
    case 'CHANGE':
      return c.comparator === 'LT'
        ? { value: met ? 35 : 44, baseline: 40 }
        : { value: met ? 10 : 14, baseline: 12 };
    default:
      return { value: null, baseline: null };
  }
}

/** The steps each demo assessment went through to reach its status. */
const workflowPath: Record<DemoStatus, DemoStatus[]> = {
  DRAFT: ['DRAFT'],
  SUBMITTED: ['DRAFT', 'SUBMITTED'],
  RETURNED: ['DRAFT', 'SUBMITTED', 'RETURNED'],
  PROPOSED: ['DRAFT', 'SUBMITTED', 'PROPOSED'],
  INSPECTING: ['DRAFT', 'SUBMITTED', 'PROPOSED', 'INSPECTING'],
  RECOGNISED: ['DRAFT', 'SUBMITTED', 'PROPOSED', 'INSPECTING', 'RECOGNISED'],
  NOT_RECOGNISED: ['DRAFT', 'SUBMITTED', 'PROPOSED', 'INSPECTING', 'NOT_RECOGNISED'],
};

/** Units of the reference the demo is built on, read from the database. */
async function demoInput(prisma: PrismaClient): Promise<DemoInput> {
  const today = await prisma.province.findMany({
    where: { validTo: null },
    orderBy: { code: 'asc' },
    select: {
      code: true,
      units: {
        where: { validTo: null, type: 'PHUONG' },
        orderBy: { code: 'asc' },
        select: { id: true, code: true, name: true, typeChanges: { select: { fromType: true } } },
      },
    },
  });
  const formerWards = await prisma.unit.findMany({
    where: { validTo: { lt: dateOf(MERGER_DATE) }, type: 'PHUONG' },
    orderBy: { code: 'asc' },
    select: {
      id: true,
      code: true,
      name: true,
      province: { select: { code: true, successor: { select: { code: true } } } },
    },
  });
  return {
    provinces: today.map((p) => ({
      code: p.code,
      wards: p.units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        since2026: u.typeChanges.some((c) => c.fromType !== 'PHUONG'),
      })),
    })),
    formerWards: formerWards.map((w) => ({
      id: w.id,
      code: w.code,
      name: w.name,
      provinceCode: w.province.code,
      todayProvinceCode: w.province.successor?.code ?? w.province.code,
    })),
  };
}

/**
 * Databases seeded before the real units carried a demo on placeholder wards (codes 9xxxx, which
 * the statistics office does not use): remove it, with its assessments, before the demo on real
 * wards is added. Accounts bound to those wards lose their ward (the demo account is re-bound).
 */
async function retirePlaceholderDemo(tx: Prisma.TransactionClient): Promise<void> {
  const placeholders = await tx.unit.findMany({
    where: { code: { gte: '90000' } },
    select: { id: true },
  });
  if (placeholders.length === 0) return;
  const ids = placeholders.map((u) => u.id);
  await tx.assessment.deleteMany({ where: { unitId: { in: ids } } });
  await tx.unitLineage.deleteMany({
    where: { OR: [{ oldUnitId: { in: ids } }, { newUnitId: { in: ids } }] },
  });
  await tx.user.updateMany({
    where: { unitId: { in: ids } },
    data: { unitId: null, isActive: false },
  });
  await tx.unit.updateMany({
    where: { countsUnderId: { in: ids } },
    data: { countsUnderId: null },
  });
  await tx.unit.deleteMany({ where: { id: { in: ids } } });
}

/** When a demo dossier last changed: its decision, else the end of its year's entry. */
const lastWrite = (a: { year: number; decision?: { date: string } | null }) =>
  a.decision ? dateOf(a.decision.date) : dateOf(`${a.year}-${a.year === 2026 ? '10-25' : '11-30'}`);

async function seedDemo(prisma: PrismaClient): Promise<number> {
  if (
    await prisma.assessment.findFirst({
      where: { origin: { not: 'RECORDED' } },
      select: { id: true },
    })
  )
    return 0;
  const demo = buildDemo(await demoInput(prisma));
  const set = await prisma.criteriaSet.findUniqueOrThrow({
    where: { code: criteriaSet22.code },
    include: { criteria: { orderBy: { number: 'asc' } } },
  });

  return prisma.$transaction(async (tx) => {
    await retirePlaceholderDemo(tx);
    const created = await tx.assessment.createManyAndReturn({
      data: demo.map((a) => {
        const states = set.criteria.map((c) => a.states[c.number] ?? 'NOT_ASSESSED');
        const s = summarizeResults(states, set.criteria.length);
        const submitted = a.status !== 'DRAFT';
        return {
          unitId: a.unitId,
          year: a.year,
          criteriaSetId: set.id,
          status: a.status,
          origin: a.origin,
          ...storedCounts(s),
          // The demo carries no evidence: every criterion that is due is bare.
          bareCount: states.filter((state) => isBare({ state, evidenceCount: 0 })).length,
          registeredAt: dateOf(`${a.year}-02-01`),
          submittedAt: submitted ? dateOf(`${a.year}-${a.year === 2026 ? '10' : '09'}-20`) : null,
          statusChangedAt: lastWrite(a),
          // Its last write was its last step: drafts left since show as idle (completeness).
          updatedAt: lastWrite(a),
          // The province returned it, asking the fix within 15 days.
          ...(a.status === 'RETURNED'
            ? {
                returnedBy: 'PROVINCE' as const,
                returnedFrom: 'SUBMITTED' as const,
                fixBy: dateOf(`${a.year}-${a.year === 2026 ? '11-09' : '12-15'}`),
              }
            : {}),
        };
      }),
      select: { id: true, unitId: true, year: true },
    });
    const assessmentId = new Map(created.map((a) => [`${a.unitId}/${a.year}`, a.id]));

    const results: Prisma.CriterionResultCreateManyInput[] = [];
    const decisions: Prisma.RecognitionDecisionCreateManyInput[] = [];
    const transitions: Prisma.WorkflowTransitionCreateManyInput[] = [];
    for (const a of demo) {
      const id = assessmentId.get(`${a.unitId}/${a.year}`)!;
      // A returned sheet reopens the items the reviewers sent back: the first two not met, or 4 and 5.
      const notMet = set.criteria
        .filter((c) => a.states[c.number] === 'NOT_MET')
        .map((c) => c.number);
      const returned = a.status === 'RETURNED' ? [...notMet, 4, 5].slice(0, 2) : [];
      for (const c of set.criteria) {
        // Registration creates a row per criterion; those not reached yet are "not assessed".
        const state = a.states[c.number] ?? 'NOT_ASSESSED';
        const { value, baseline } = sampleValue(c, state);
        results.push({
          assessmentId: id,
          criterionId: c.id,
          state,
          value,
          baseline,
          isReopened: returned.includes(c.number),
        });
      }
      if (a.decision)
        decisions.push({
          assessmentId: id,
          number: a.decision.number,
          decidedOn: dateOf(a.decision.date),
          year: a.year,
        });
      const path = workflowPath[a.status];
      path.slice(1).forEach((to, i) =>
        transitions.push({
          assessmentId: id,
          fromStatus: path[i]!,
          toStatus: to,
          createdAt: dateOf(
            `${a.year}-${String(9 + Math.min(i, 2)).padStart(2, '0')}-${String(10 + i * 5).padStart(2, '0')}`,
          ),
        }),
      );
    }
    const createdResults = await tx.criterionResult.createManyAndReturn({
      data: results,
      select: { id: true, isReopened: true },
    });
    await tx.reviewComment.createMany({
      data: createdResults
        .filter((r) => r.isReopened)
        .map((r) => ({
          resultId: r.id,
          stage: 'PROVINCE' as const,
          isReturn: true,
          body: 'Bổ sung minh chứng, số liệu chưa khớp báo cáo (mẫu).',
        })),
    });
    await tx.recognitionDecision.createMany({ data: decisions });
    await tx.workflowTransition.createMany({ data: transitions });
    return created.length;
  }, TX);
}

/**
 * A programme calendar for the demo's current year, as the Ministry might set it (the real dates
 * come from each year's plan): registration in spring, submission in autumn, inspection by year end.
 */
async function seedDemoCalendar(prisma: PrismaClient): Promise<void> {
  const dates = {
    REGISTRATION: '2026-03-31',
    SUBMISSION: '2026-09-30',
    PROVINCIAL_REVIEW: '2026-10-31',
    INSPECTION: '2026-12-15',
  } as const;
  for (const [kind, due] of Object.entries(dates))
    await prisma.programmeDeadline.upsert({
      where: { year_kind: { year: 2026, kind: kind as keyof typeof dates } },
      create: { year: 2026, kind: kind as keyof typeof dates, dueOn: new Date(`${due}T00:00:00Z`) },
      update: {},
    });
}

/** The demo accounts of the README, created when missing (an existing account is left alone). */
async function seedDemoAccounts(prisma: PrismaClient): Promise<number> {
  const existing = new Map(
    (await prisma.user.findMany({ select: { id: true, email: true, unitId: true } })).map((u) => [
      u.email,
      u,
    ]),
  );
  const provinces = await prisma.province.findMany({
    where: { validTo: null },
    select: { id: true, code: true },
  });
  const wardOf = (code: string) =>
    prisma.unit.findFirstOrThrow({ where: { code, validTo: null }, select: { id: true } });
  let created = 0;
  let passwordHash: string | undefined;
  for (const account of demoAccounts) {
    const provinceId = account.provinceCode
      ? provinces.find((p) => p.code === account.provinceCode)!.id
      : null;
    const unit = account.wardCode ? await wardOf(account.wardCode) : null;
    const found = existing.get(account.email);
    if (found) {
      // An account left without its ward by the placeholder demo's retirement gets the real one.
      if (unit && found.unitId === null)
        await prisma.user.update({
          where: { id: found.id },
          data: { unitId: unit.id, provinceId, isActive: true },
        });
      continue;
    }
    passwordHash ??= await hash(DEMO_PASSWORD);
    await prisma.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        provinceId,
        unitId: unit?.id ?? null,
        passwordHash,
      },
    });
    created += 1;
  }
  return created;
}
