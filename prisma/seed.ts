import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { criteriaShort, summarizeResults, type ResultState } from '@/lib/domain/attainment';
import { createCriteriaSet } from '@/lib/data/criteria-sets';
import { rebuildAllProgress } from '@/lib/data/progress-summary';
import { foldForSearch } from '@/lib/domain/search-text';
import { hash } from '@node-rs/argon2';
import { criteriaSet22 } from './seed-data/criteria-22';
import { DEMO_PASSWORD, demoAccounts } from './seed-data/demo-accounts';
import { buildDemo, type DemoResultState, type DemoStatus } from './seed-data/demo';
import {
  currentProvinces,
  formerProvinces,
  LAST_DAY_BEFORE_MERGER,
  MERGER_DATE,
  provinceFullName,
} from './seed-data/provinces';

/**
 * Idempotent: reference rows are created when missing and never overwritten (an administrator
 * may have corrected them since); the demo is added in one transaction when absent.
 */

export interface SeedReport {
  provinces: number;
  criteriaSets: number;
  targets: number;
  demoUnits: number;
  demoAssessments: number;
  demoAccounts: number;
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export async function seed(prisma: PrismaClient, options: { demo: boolean }): Promise<SeedReport> {
  const report: SeedReport = {
    provinces: 0,
    criteriaSets: 0,
    targets: 0,
    demoUnits: 0,
    demoAssessments: 0,
    demoAccounts: 0,
  };
  await prisma.$transaction(
    async (tx) => {
      report.provinces = await seedProvinces(tx);
      report.criteriaSets =
        (await createCriteriaSet(tx, criteriaSet22, { takeYears: false })) === null ? 0 : 1;
      report.targets = await seedTargets(tx);
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  if (options.demo) {
    const demo = await seedDemo(prisma);
    report.demoUnits = demo.units;
    report.demoAssessments = demo.assessments;
    report.demoAccounts = await seedDemoAccounts(prisma);
  }
  // Dashboards read summaries kept on write; build them when missing (a new or older database).
  if (report.demoAssessments > 0 || (await prisma.provinceYearProgress.count()) === 0)
    await prisma.$transaction((tx) => rebuildAllProgress(tx), {
      timeout: 600_000,
      maxWait: 60_000,
    });
  return report;
}

async function seedProvinces(prisma: Prisma.TransactionClient): Promise<number> {
  const rows = [
    ...formerProvinces.map((p) => ({
      ...p,
      validFrom: null,
      validTo: day(LAST_DAY_BEFORE_MERGER),
    })),
    ...currentProvinces.map((p) => ({
      code: p.code,
      name: p.name,
      isCity: p.isCity,
      validFrom: day(MERGER_DATE),
      validTo: null,
    })),
  ];
  const existing = await prisma.province.findMany({ select: { code: true, validFrom: true } });
  const key = (code: string, from: Date | null) => `${code}/${from?.toISOString() ?? ''}`;
  const have = new Set(existing.map((p) => key(p.code, p.validFrom)));
  const missing = rows.filter((p) => !have.has(key(p.code, p.validFrom)));
  if (missing.length === 0) return 0;
  const result = await prisma.province.createMany({
    data: missing.map((p) => {
      const fullName = provinceFullName(p.name, p.isCity);
      return { ...p, fullName, searchKey: foldForSearch(`${p.code} ${fullName}`) };
    }),
  });
  return result.count;
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

const DEMO_MARKER_CODE = '90001';

async function seedDemo(prisma: PrismaClient): Promise<{ units: number; assessments: number }> {
  if (await prisma.unit.findFirst({ where: { code: DEMO_MARKER_CODE }, select: { id: true } }))
    return { units: 0, assessments: 0 };
  const demo = buildDemo();
  const provinces = await prisma.province.findMany({
    select: { id: true, code: true, validTo: true },
  });
  const provinceId = (code: string, former: boolean) =>
    provinces.find((p) => p.code === code && (p.validTo !== null) === former)!.id;
  const set = await prisma.criteriaSet.findUniqueOrThrow({
    where: { code: criteriaSet22.code },
    include: { criteria: { orderBy: { number: 'asc' } } },
  });

  return prisma.$transaction(
    async (tx) => {
      const units = await tx.unit.createManyAndReturn({
        data: demo.units.map((u) => {
          const fullName = `Phường ${u.name}`;
          return {
            code: u.code,
            name: u.name,
            fullName,
            type: 'PHUONG' as const,
            provinceId: provinceId(u.provinceCode, u.isFormer),
            searchKey: foldForSearch(`${u.code} ${fullName}`),
            validFrom: u.isFormer ? null : day(MERGER_DATE),
            validTo: u.isFormer ? day(LAST_DAY_BEFORE_MERGER) : null,
            isSample: u.isSample,
          };
        }),
        select: { id: true, code: true },
      });
      const unitId = new Map(units.map((u) => [u.code, u.id]));
      await tx.unitLineage.createMany({
        data: demo.lineage.map((l) => ({
          oldUnitId: unitId.get(l.oldCode)!,
          newUnitId: unitId.get(l.newCode)!,
          effectiveDate: day(MERGER_DATE),
        })),
      });

      const created = await tx.assessment.createManyAndReturn({
        data: demo.assessments.map((a) => {
          const states = set.criteria.map(
            (c) => (a.states[c.number] ?? 'NOT_ASSESSED') as ResultState,
          );
          const s = summarizeResults(states, set.criteria.length);
          const submitted = a.status !== 'DRAFT';
          return {
            unitId: unitId.get(a.unitCode)!,
            year: a.year,
            criteriaSetId: set.id,
            status: a.status,
            totalCriteria: s.total,
            metCount: s.met,
            notMetCount: s.notMet,
            notDueCount: s.notDue,
            inProgressCount: s.inProgress,
            isAttained: s.isAttained,
            criteriaShort: criteriaShort(s.met, s.total),
            registeredAt: day(`${a.year}-02-01`),
            submittedAt: submitted ? day(`${a.year}-${a.year === 2026 ? '10' : '09'}-20`) : null,
            statusChangedAt: a.decision
              ? day(a.decision.date)
              : day(`${a.year}-${a.year === 2026 ? '10-25' : '11-30'}`),
          };
        }),
        select: { id: true, unitId: true, year: true },
      });
      const assessmentId = new Map(created.map((a) => [`${a.unitId}/${a.year}`, a.id]));

      const results: Prisma.CriterionResultCreateManyInput[] = [];
      const decisions: Prisma.RecognitionDecisionCreateManyInput[] = [];
      const transitions: Prisma.WorkflowTransitionCreateManyInput[] = [];
      for (const a of demo.assessments) {
        const id = assessmentId.get(`${unitId.get(a.unitCode)}/${a.year}`)!;
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
            decidedOn: day(a.decision.date),
            year: a.year,
          });
        const path = workflowPath[a.status];
        path.slice(1).forEach((to, i) =>
          transitions.push({
            assessmentId: id,
            fromStatus: path[i]!,
            toStatus: to,
            createdAt: day(
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
      return { units: units.length, assessments: created.length };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** The demo accounts of the README, created when missing (an existing account is left alone). */
async function seedDemoAccounts(prisma: PrismaClient): Promise<number> {
  const existing = new Set(
    (await prisma.user.findMany({ select: { email: true } })).map((u) => u.email),
  );
  const missing = demoAccounts.filter((a) => !existing.has(a.email));
  if (missing.length === 0) return 0;
  const passwordHash = await hash(DEMO_PASSWORD);
  const provinces = await prisma.province.findMany({
    where: { validTo: null },
    select: { id: true, code: true },
  });
  for (const account of missing) {
    const provinceId = account.provinceCode
      ? provinces.find((p) => p.code === account.provinceCode)!.id
      : null;
    const unit = account.wardName
      ? await prisma.unit.findFirstOrThrow({
          where: { name: account.wardName, provinceId: provinceId!, validTo: null },
          select: { id: true },
        })
      : null;
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
  }
  return missing.length;
}
