import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as nationProgress } from '@/app/api/v1/progress/route';
import { GET as provinceProgress } from '@/app/api/v1/provinces/[code]/progress/route';
import { GET as exportTable } from '@/app/api/exports/[table]/route';
import { issueTokenAction } from '@/lib/actions/api-tokens';
import { db } from '@/lib/server/db';
import { loadReportData } from '@/lib/data/progress/reports';
import { briefingContent } from '@/lib/exports/briefing';
import type { DashboardModel } from '@/lib/domain/dashboard';
import { verdictText } from '@/lib/domain/export-tables';
import { wardCategory } from '@/lib/domain/maps';
import { formatNumber } from '@/lib/i18n/format';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { listProvinceWardsFor } from '@/lib/data/units/ward-tables';
import { refreshProgressForUnits } from '@/lib/data/progress/summary';
import { getSessionUser } from '@/lib/data/accounts/session-user';
import { foldForSearch } from '@/lib/domain/search-text';
import { actAs } from '@/tests/support/action-context';
import { form, makeUser, seedReference, dossierCounts } from '@/tests/support/factories';

/**
 * The consistency suite: random provinces of wards (former ones split between today's, with a
 * designated successor), with assessments, recognitions and withdrawals across the years; then
 * every view of every combination (official/provisional × today's/as recorded × past, current
 * and future years) must agree: tables sum to cards, the ward table adds up, the API and the
 * exports equal the page, and nothing after the data date is actual.
 */

const THIS_YEAR = new Date().getFullYear();
const STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'PROPOSED',
  'RECOGNISED',
  'NOT_RECOGNISED',
  'CANCELLED',
] as const;

const assessmentArb = fc.option(
  fc.record({
    met: fc.integer({ min: 17, max: 22 }),
    status: fc.constantFrom(...STATUSES),
    withdrawnYears: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  }),
  { nil: null, freq: 2 },
);

const worldArb = fc.record({
  today: fc.integer({ min: 1, max: 4 }),
  former: fc.array(
    fc.record({
      successors: fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 1, maxLength: 2 }),
      designated: fc.nat({ max: 1 }),
      y2023: assessmentArb,
      y2024: assessmentArb,
    }),
    { minLength: 1, maxLength: 5 },
  ),
  todayAssessments: fc.array(fc.record({ y2025: assessmentArb, y2026: assessmentArb }), {
    minLength: 4,
    maxLength: 4,
  }),
  /** The province's own milestones (percent of wards by a year), some of them long past. */
  targets: fc.uniqueArray(
    fc.record({
      year: fc.integer({ min: 2023, max: 2029 }),
      percent: fc.integer({ min: 5, max: 100 }),
    }),
    { maxLength: 3, selector: (t) => t.year },
  ),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

let admin: NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;
let criteria: { id: number }[];
let setId: number;
let freeCodes: string[];
let token: string;
let run = 0;

beforeAll(async () => {
  await seedReference();
  admin = (await getSessionUser((await makeUser('ADMIN')).id))!;
  const set = await db().criteriaSet.findFirstOrThrow({ include: { criteria: true } });
  setId = set.id;
  criteria = set.criteria.sort((a, b) => a.number - b.number);
  const used = new Set(
    (await db().province.findMany({ select: { code: true } })).map((p) => p.code),
  );
  freeCodes = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).filter(
    (c) => c !== '00' && !used.has(c),
  );
  await actAs(admin.email);
  const issued = await issueTokenAction(
    { status: 'idle' },
    form({ name: 'one truth', provinceCode: '' }),
  );
  token = issued.data!.token;
}, 180_000);

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function build(world: World) {
  run += 1;
  const [formerCode, todayCode] = [freeCodes[0]!, freeCodes[1]!]; // each run cleans up after itself
  const province = (code: string, name: string, key: string, period: object) =>
    db().province.create({
      data: { code, name, fullName: `Tỉnh ${name}`, searchKey: key, ...period },
    });
  const today = await province(todayCode, `Thử ${run}`, `thu ${run}`, {
    validFrom: day('2025-07-01'),
  });
  const former = await province(formerCode, `Cũ ${run}`, `cu ${run}`, {
    validFrom: day('2020-01-01'),
    validTo: day('2025-06-30'),
    successorId: today.id,
  });
  const unit = (code: string, name: string, provinceId: number, from: string, to: string | null) =>
    db().unit.create({
      data: {
        code,
        name,
        fullName: `Phường ${name}`,
        type: 'PHUONG',
        provinceId,
        searchKey: foldForSearch(name),
        validFrom: day(from),
        validTo: to ? day(to) : null,
      },
    });
  const prefix = String(run % 100).padStart(2, '0');
  const todays: Awaited<ReturnType<typeof unit>>[] = [];
  for (let i = 0; i < world.today; i += 1)
    todays.push(await unit(`9${prefix}${i}0`, `Mới ${run}-${i}`, today.id, '2025-07-01', null));
  const formers = [];
  for (const [i, f] of world.former.entries()) {
    const u = await unit(
      `8${prefix}${i}0`,
      `Cũ ${run}-${i}`,
      former.id,
      '2020-01-01',
      '2025-06-30',
    );
    const successors = [...new Set(f.successors.map((s) => todays[s % todays.length]!))];
    for (const s of successors)
      await db().unitLineage.create({
        data: { oldUnitId: u.id, newUnitId: s.id, effectiveDate: day('2025-07-01') },
      });
    const designated = successors[f.designated % successors.length]!;
    await db().unit.update({
      where: { id: u.id },
      data: { countsUnderId: designated.id, successorBasis: 'ADMIN' },
    });
    formers.push({ unit: u, plan: f });
  }
  const assess = async (unitId: number, year: number, a: World['former'][number]['y2023']) => {
    if (!a) return;
    const attained = a.met === 22;
    const status = a.status === 'RECOGNISED' && !attained ? 'NOT_RECOGNISED' : a.status;
    const created = await db().assessment.create({
      data: {
        unitId,
        year,
        criteriaSetId: setId,
        status,
        origin: 'RECORDED',
        ...dossierCounts(a.met),
        results: {
          create: criteria.map((c, i) => ({
            criterionId: c.id,
            state: i < a.met ? 'MET' : 'NOT_MET',
          })),
        },
      },
    });
    if (status === 'RECOGNISED')
      await db().recognitionDecision.create({
        data: {
          assessmentId: created.id,
          number: `${run}-${unitId}-${year}`,
          decidedOn: day(`${year}-11-01`),
          year,
          withdrawnAt:
            a.withdrawnYears === null ? null : new Date(Date.UTC(year + a.withdrawnYears, 5, 1)),
        },
      });
  };
  for (const f of formers) {
    await assess(f.unit.id, 2023, f.plan.y2023);
    await assess(f.unit.id, 2024, f.plan.y2024);
  }
  for (const [i, u] of todays.entries()) {
    await assess(u.id, 2025, world.todayAssessments[i]!.y2025);
    await assess(u.id, 2026, world.todayAssessments[i]!.y2026);
  }
  for (const t of world.targets)
    await db().target.create({
      data: {
        provinceId: today.id,
        year: t.year,
        kind: 'PERCENT',
        value: t.percent,
        sourceDocument: `KH ${run}`,
      },
    });
  await db().$transaction(
    (tx) =>
      refreshProgressForUnits(
        tx,
        todays.map((u) => u.id),
      ),
    { timeout: 60_000 },
  );
  return { today, former };
}

/** Removes a run's world, so the next one starts from the real country alone. */
async function remove(ids: number[]) {
  const units = { unit: { provinceId: { in: ids } } };
  await db().target.deleteMany({ where: { provinceId: { in: ids } } });
  await db().recognitionDecision.deleteMany({ where: { assessment: units } });
  await db().criterionResult.deleteMany({ where: { assessment: units } });
  await db().assessment.deleteMany({ where: units });
  await db().unitLineage.deleteMany({ where: { oldUnit: { provinceId: { in: ids } } } });
  await db().provinceYearProgress.deleteMany({ where: { todayProvinceId: { in: ids } } });
  await db().criterionYearProgress.deleteMany({ where: { todayProvinceId: { in: ids } } });
  await db().unit.deleteMany({ where: { provinceId: { in: ids } } });
  await db().province.deleteMany({ where: { id: { in: ids } } });
}

const combos = [2023, 2024, 2025, 2026, THIS_YEAR + 1].flatMap((year) =>
  [true, false].flatMap((official) =>
    [true, false].map((lineage) => ({ year, official, lineage })),
  ),
);

/**
 * Milestones are verdicts: every milestone whose year has come is met, missed or (in its own,
 * unfinished year) open, by its figures; the pace is only ever judged toward a milestone still to
 * come, so no missed milestone is ever "on track".
 */
function verdictsHold(label: string, model: DashboardModel) {
  const lines = [
    { name: 'scope', results: model.milestoneResults, pace: model.progress },
    ...model.provinces.map((p) => ({
      name: `province ${p.provinceId}`,
      results: p.milestoneResults,
      pace: p.progress,
    })),
  ];
  for (const { name, results, pace } of lines) {
    const at = `${label} ${name}`;
    for (const r of results) {
      expect(r.year, at).toBeLessThanOrEqual(model.asOfYear);
      const reached = (r.actual ?? 0) + 1e-9 >= r.share;
      expect(r.outcome, `${at} ${r.year}`).toBe(
        reached ? 'met' : r.year < model.asOfYear || model.daysLeft === 0 ? 'missed' : 'open',
      );
    }
    if (pace.milestone) {
      const due = pace.milestone.year;
      expect(due > model.asOfYear || (due === model.asOfYear && model.daysLeft > 0), at).toBe(true);
      expect(
        results.some((r) => r.outcome === 'missed' && r.year === due),
        `${at} a missed milestone judged on pace`,
      ).toBe(false);
    }
  }
}

/** The nation (the random province among the real ones): cards, table, API, no future actual. */
async function nationAgrees(q: (typeof combos)[number]) {
  const label = `nation ${JSON.stringify(q)}`;
  const { model } = (await getDashboard(admin, { provinceId: null, ...q }))!;
  for (const p of model.series) if (p.year > THIS_YEAR) expect(p.actual, label).toBeNull();
  for (const k of ['wards', 'registered', 'attained', 'recognised', 'counted'] as const)
    expect(
      model.provinces.reduce((s, p) => s + p[k], 0),
      `${label} ${k}`,
    ).toBe(model.totals[k]);
  const query = {
    year: String(q.year),
    basis: q.official ? 'official' : 'provisional',
    units: q.lineage ? 'today' : 'recorded',
  };
  const body = await (
    await nationProgress(
      new Request(`http://t/api/v1/progress?${new URLSearchParams(query)}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    )
  ).json();
  expect(body.totals, label).toEqual(model.totals);
  expect(body.series, label).toEqual(model.series);
  verdictsHold(label, model);
}

describe('one truth, on random databases', () => {
  it('every view of every combination agrees', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const { today: province, former } = await build(world);
        try {
          for (const q of combos) {
            await nationAgrees(q);
            const label = `${province.code} ${JSON.stringify(q)}`;
            const view = (await getDashboard(admin, { provinceId: province.id, ...q }))!;
            const { model } = view;
            // Nothing after the data date is actual.
            for (const p of model.series)
              if (p.year > THIS_YEAR) expect(p.actual, label).toBeNull();
            // The province table sums to the cards.
            for (const k of ['wards', 'registered', 'attained', 'recognised', 'counted'] as const)
              expect(
                model.provinces.reduce((s, p) => s + p[k], 0),
                `${label} ${k}`,
              ).toBe(model.totals[k]);
            if (!q.official)
              expect(model.totals.counted).toBeGreaterThanOrEqual(model.totals.recognised);
            // The ward table adds up to the cards, under today's units and as recorded.
            {
              const wards = await listProvinceWardsFor(province.id, q);
              expect(wards.length, `${label} ward rows`).toBe(model.totals.wards);
              // Near misses are the map's "1–2 short" wards, wherever they are counted.
              const short = wards.filter((w) => wardCategory(w) === 'short').length;
              expect(view.nearMissCount, `${label} near misses`).toBe(short);
              // …and in the province table, under each row's province (as recorded, a former one).
              expect(
                model.provinces.reduce(
                  (n, p) => n + (view.nearMissByProvince.get(p.provinceId) ?? 0),
                  0,
                ),
                label,
              ).toBe(short);
              expect(wards.filter((w) => w.status !== null).length, `${label} registered`).toBe(
                model.totals.registered,
              );
              expect(
                wards.filter((w) => w.recognisedSince !== null).length,
                `${label} recognised`,
              ).toBe(model.totals.recognised);
            }
            const query = {
              year: String(q.year),
              basis: q.official ? 'official' : 'provisional',
              units: q.lineage ? 'today' : 'recorded',
            };
            // The API equals the page.
            const api = await provinceProgress(
              new Request(
                `http://t/api/v1/provinces/${province.code}/progress?${new URLSearchParams(query)}`,
                {
                  headers: { authorization: `Bearer ${token}` },
                },
              ),
              { params: Promise.resolve({ code: province.code }) },
            );
            const body = await api.json();
            expect(body.totals, label).toEqual(model.totals);
            expect(body.series, label).toEqual(model.series);
            expect(body.status, label).toBe(model.progress.status);
            verdictsHold(label, model);
            // The units switch never changes a verdict: as recorded is judged on today's units.
            if (!q.lineage) {
              const today = (await getDashboard(admin, {
                provinceId: province.id,
                ...q,
                lineage: true,
              }))!.model;
              expect(model.progress, `${label} units switch`).toEqual(today.progress);
              expect(model.milestoneResults, `${label} units switch`).toEqual(
                today.milestoneResults,
              );
            }
            expect(body.nearMisses, `${label} API near misses`).toBe(view.nearMissCount);
            expect(
              body.milestones.map((m: { year: number; outcome: string }) => [m.year, m.outcome]),
              label,
            ).toEqual(model.milestoneResults.map((r) => [r.year, r.outcome]));
            // The briefing says what the page says.
            const data = (await loadReportData(admin, {
              year: q.year,
              basis: query.basis as 'official' | 'provisional',
              units: query.units as 'today' | 'recorded',
              province: province.code,
            }))!;
            const brief = briefingContent(data, 'vi');
            expect(brief.labels.nearMisses, `${label} briefing near misses`).toContain(
              `(${formatNumber(view.nearMissCount, 'vi')})`,
            );
            for (const r of model.milestoneResults)
              expect(brief.statusLine, `${label} briefing verdict`).toContain(
                verdictText(r, 'vi', model.daysLeft),
              );
            expect(
              brief.headline.slice(0, 4).map((h) => h.value),
              label,
            ).toEqual(
              [
                model.totals.wards,
                model.totals.registered,
                model.totals.attained,
                model.totals.recognised,
              ].map((v) => formatNumber(v, 'vi')),
            );
            expect(brief.table.rows.length, `${label} briefing ward table`).toBe(
              model.totals.wards,
            );
            // The series export equals the page.
            const csv = await exportTable(
              new Request(
                `http://t/api/exports/series?${new URLSearchParams({ ...query, province: province.code, format: 'csv' })}`,
              ),
              { params: Promise.resolve({ table: 'series' }) },
            );
            // The file's description first, then an empty line, then the table.
            const [about, csvBody] = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n\r\n');
            expect(about, label).toContain(
              q.year > THIS_YEAR ? `số liệu đến năm ${THIS_YEAR}` : String(q.year),
            );
            const rows = csvBody!.trim().split(/\r?\n/).slice(1);
            expect(rows.length, label).toBe(model.series.length);
            for (const [i, line] of rows.entries()) {
              const actual = line.split(/[;,]/)[1] ?? '';
              expect(actual === '', `${label} ${line}`).toBe(model.series[i]!.actual === null);
            }
          }
        } finally {
          await remove([province.id, former.id]);
        }
      }),
      { numRuns: 20, seed: Number(process.env.FC_SEED ?? 20261123) },
    );
  }, 600_000);
});
