import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWardsAction, saveResultAction, transitionAction } from '@/lib/actions/assessments';
import { db } from '@/lib/server/db';
import { rebuildAllProgress, trackProgress } from '@/lib/data/progress/summary';
import {
  deriveOutcome,
  valueProblem,
  type Comparator,
  type MeasureKind,
} from '@/lib/domain/measures';
import { actAs } from '@/tests/support/action-context';
import { form, makeUnit, makeUser, seedReference, idle } from '@/tests/support/factories';

/**
 * The dashboards read summary tables that each write changes by the difference it makes to its
 * own wards. After any sequence of the writes users make (registering, saving results, every
 * workflow step, withdrawing a recognition or a registration), on today's wards and on two former
 * wards counted under one of them (2024), the summaries must equal a full rebuild.
 */

let admin = '';
let wards: { code: string; year: number }[] = [];

beforeAll(async () => {
  await seedReference();
  admin = (await makeUser('ADMIN')).email;
  const today = [await makeUnit('38'), await makeUnit('38'), await makeUnit('40')];
  const former = [await makeUnit('38'), await makeUnit('38')];
  // Two former wards merged into the first of today's: both count under it.
  await db().unit.updateMany({
    where: { id: { in: former.map((u) => u.id) } },
    data: {
      validFrom: new Date('2020-01-01T00:00:00Z'),
      validTo: new Date('2025-06-30T00:00:00Z'),
      countsUnderId: today[0]!.id,
      successorBasis: 'SOLE',
    },
  });
  // Former wards are no longer registered in the app: their 2024 dossiers came with the data.
  const set = await db().criteriaSetYear.findUniqueOrThrow({
    where: { year: 2024 },
    select: { criteriaSet: { select: { id: true, criteria: { select: { id: true } } } } },
  });
  for (const unit of former)
    await db().assessment.create({
      data: {
        unitId: unit.id,
        year: 2024,
        criteriaSetId: set.criteriaSet.id,
        totalCriteria: set.criteriaSet.criteria.length,
        results: { create: set.criteriaSet.criteria.map((c) => ({ criterionId: c.id })) },
      },
    });
  wards = [
    ...today.map((u) => ({ code: u.code, year: 2026 })),
    ...former.map((u) => ({ code: u.code, year: 2024 })),
  ];
  // The factory adds units behind the app's back: start from summaries that include them.
  await db().$transaction((tx) => rebuildAllProgress(tx), { timeout: 120_000 });
}, 120_000);

async function summaries() {
  const provinces = await db().$queryRawUnsafe<unknown[]>(
    `SELECT lineage, year, province_id, today_province_id, wards, registered, attained, recognised, provisional
       FROM province_year_progress ORDER BY lineage, year, province_id, today_province_id`,
  );
  const criteria = await db().$queryRawUnsafe<unknown[]>(
    `SELECT year, today_province_id, criterion_id, met, assessed
       FROM criterion_year_progress ORDER BY year, today_province_id, criterion_id`,
  );
  return { provinces, criteria };
}

/** A value that makes the criterion met (or not), found by asking the measure itself. */
function valueFor(
  c: {
    measureKind: MeasureKind;
    comparator: string | null;
    threshold: number | null;
    ratingScale: string[];
  },
  met: boolean,
) {
  const measure = {
    measureKind: c.measureKind,
    comparator: c.comparator as Comparator | null,
    threshold: c.threshold,
    ratingScale: c.ratingScale,
  };
  const t = c.threshold ?? 1;
  const want = met ? 'MET' : 'NOT_MET';
  for (const baseline of [0, 10])
    for (const value of [t, t - 1, t + 1, 0, 1, 100].map((v) => v + (baseline && 10)))
      if (
        valueProblem(measure, { value, baseline }) === null &&
        deriveOutcome(measure, { value, baseline }) === want
      )
        return { value: String(value), baseline: String(baseline), state: want };
  // No threshold: the assessor decides, with the figure recorded.
  return { value: '1', baseline: '0', state: met ? 'MET' : 'NOT_MET' };
}

const op = fc.record({
  ward: fc.nat({ max: 4 }),
  kind: fc.constantFrom(
    'advance',
    'advance',
    'advance',
    'advance',
    'advance',
    'advance',
    'register',
    'fill',
    'miss',
    'submit',
    'propose',
    'startInspection',
    'recognise',
    'withdrawRecognition',
    'cancelRegistration',
  ),
  criterion: fc.nat({ max: 21 }),
});

/** The next step on the way to recognition, from where the ward stands. */
const path: Record<string, string> = {
  none: 'register',
  CANCELLED: 'register',
  DRAFT: 'fill',
  RETURNED: 'fill',
  SUBMITTED: 'propose',
  PROPOSED: 'startInspection',
  INSPECTING: 'recognise',
  RECOGNISED: 'withdrawRecognition',
};

async function apply(step: { ward: number; kind: string; criterion: number }): Promise<unknown> {
  const { code, year } = wards[step.ward]!;
  if (step.kind === 'advance') {
    const current = await db().assessment.findFirst({
      where: { year, unit: { code } },
      select: { status: true, isAttained: true },
    });
    const status = current?.status ?? 'none';
    const next =
      (status === 'DRAFT' || status === 'RETURNED') && current?.isAttained
        ? 'submit'
        : path[status];
    return next ? apply({ ...step, kind: next }) : undefined;
  }
  if (step.kind === 'register') return registerWardsAction(idle, form({ year, unitCode: code }));
  const assessment = await db().assessment.findFirst({
    where: { year, unit: { code } },
    include: {
      results: { include: { criterion: true }, orderBy: { criterion: { number: 'asc' } } },
    },
  });
  if (!assessment) return;
  if (step.kind === 'fill' || step.kind === 'miss') {
    // "fill" meets every criterion (so the ward can be recognised); "miss" fails one.
    const targets =
      step.kind === 'fill' ? assessment.results : [assessment.results[step.criterion]!];
    for (const r of targets) {
      await saveResultAction(
        idle,
        form({
          resultId: r.id,
          version: r.version,
          ...valueFor(r.criterion, step.kind === 'fill'),
          note: '',
        }),
      );
    }
    return;
  }
  const answer = await transitionAction(
    idle,
    form({
      assessmentId: assessment.id,
      name: step.kind,
      ...(step.kind === 'recognise'
        ? { decisionNumber: '1/QĐ-BCA', decisionDate: `${year}-06-01` }
        : {}),
      ...(step.kind === 'withdrawRecognition'
        ? { reason: 'Vi phạm', decisionNumber: '2/QĐ-BCA', decisionDate: `${year}-07-01` }
        : {}),
    }),
  );
  return answer;
}

/** Enough "advance" steps to take ward `ward` from unregistered to a withdrawn recognition. */
const wholeWay = (ward: number) =>
  Array.from({ length: 7 }, () => ({ ward, kind: 'advance' as const, criterion: 0 }));

describe('summary tables', () => {
  it('equal a full rebuild after any sequence of writes', async () => {
    await actAs(admin);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 40 }), async (steps) => {
        for (const step of steps) await apply(step);
        const kept = await summaries();
        await db().$transaction((tx) => rebuildAllProgress(tx), { timeout: 120_000 });
        expect(kept).toEqual(await summaries());
      }),
      // The first run walks a ward of each year the whole way to a withdrawn recognition, so the
      // random runs after it cannot leave a state below unreached.
      { numRuns: 12, examples: [[[...wholeWay(0), ...wholeWay(3)]]] },
    );
    // The runs did reach the states that matter for the dashboards, today and before the merger.
    for (const year of [2026, 2024]) {
      const reached = await db().workflowTransition.groupBy({
        by: ['toStatus'],
        where: { assessment: { year, unit: { code: { in: wards.map((w) => w.code) } } } },
      });
      expect(reached.map((r) => r.toStatus)).toEqual(
        expect.arrayContaining(['SUBMITTED', 'RECOGNISED', 'WITHDRAWN']),
      );
    }
  }, 600_000);
});

describe('a tracked write', () => {
  it('counts its wards on kept plans, and leaves the transaction planning as before', async () => {
    const unit = await makeUnit('38');
    const modes = await db().$transaction(async (tx) => {
      const mode = async () =>
        (await tx.$queryRaw<{ m: string }[]>`SELECT current_setting('plan_cache_mode') AS m`)[0]!.m;
      const seen = [await mode()];
      const apply = await trackProgress(tx, [unit.id], [2026]);
      seen.push(await mode());
      await apply();
      seen.push(await mode());
      return seen;
    });
    expect(modes).toEqual(['auto', 'force_generic_plan', 'auto']);
  });
});
