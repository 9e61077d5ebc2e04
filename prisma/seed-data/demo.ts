/**
 * The demo: assessments on the real units, built as plain data from a fixed pseudo-random
 * sequence so every seed produces the same database. What public reports say (../shared/DOMAIN.md)
 * is reproduced on the real former wards and marked REPORTED; everything the demo invents is
 * marked DEMO and shown as demo data in the app.
 */

import type { ResultState } from '@/lib/domain/attainment';

export type DemoResultState = ResultState;
export type DemoStatus =
  'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'PROPOSED' | 'INSPECTING' | 'RECOGNISED' | 'NOT_RECOGNISED';

export interface DemoWard {
  id: number;
  code: string;
  name: string;
}

export interface DemoInput {
  /** Today's provinces with their phường, in code order; `since2026` for those that became phường in 2026. */
  provinces: { code: string; wards: (DemoWard & { since2026: boolean })[] }[];
  /** Former phường (before 1/7/2025) by former province code, with the province of today they went to. */
  formerWards: (DemoWard & { provinceCode: string; todayProvinceCode: string })[];
}

export interface DemoAssessment {
  unitId: number;
  year: number;
  status: DemoStatus;
  origin: 'REPORTED' | 'DEMO';
  /** Criterion number → state; criteria left out are not assessed. */
  states: Record<number, DemoResultState>;
  decision?: { number: string; date: string };
}

/** Reported facts, by the former units' statistics codes. */
export const REPORTED = {
  anHung: '16435',
  ducXuan: '01840',
  /** Former Nghệ An wards at 21/22 in 2023: these five are named in reports, the other 11 chosen by the demo. */
  ngheAnNamed: ['16666', '16690', '16726', '16735', '16939'],
  ngheAnOthers: [
    '16663',
    '16669',
    '16670',
    '16672',
    '16673',
    '16675',
    '16678',
    '16681',
    '16693',
    '16699',
    '16714',
  ],
  /** Bắc Kạn registered Xuất Hóa and Sông Cầu for 2024. */
  bacKan2024: ['01855', '01837'],
  lamSon: '14773',
} as const;

/** mulberry32: a small, fixed pseudo-random sequence. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How likely each criterion is to be missed: the headquarters one (4) most of all. */
function missWeight(criterion: number): number {
  if (criterion === 4) return 0.22;
  if (criterion === 5) return 0.12;
  if (criterion === 22) return 0.08;
  if (criterion === 11 || criterion === 21) return 0.06;
  return 0.02;
}

const all22 = Array.from({ length: 22 }, (_, i) => i + 1);
const allMet = (): Record<number, DemoResultState> =>
  Object.fromEntries(all22.map((n) => [n, 'MET']));

export function buildDemo(input: DemoInput): DemoAssessment[] {
  const rnd = random(20230713);
  const assessments: DemoAssessment[] = [];
  const former = new Map(input.formerWards.map((w) => [w.code, w]));
  const formerId = (code: string) => {
    const w = former.get(code);
    if (!w) throw new Error(`The demo needs former ward ${code}, which is not in the reference.`);
    return w.id;
  };

  const randomStates = (missBoost: number): Record<number, DemoResultState> => {
    const states = allMet();
    for (const n of all22) if (rnd() < missWeight(n) * missBoost) states[n] = 'NOT_MET';
    return states;
  };
  let decisionSeq = 1;
  const decide = (year: number, month: number) => ({
    number: `${String(decisionSeq++).padStart(4, '0')}/QĐ-BCA (mẫu)`,
    date: `${year}-${String(month).padStart(2, '0')}-15`,
  });
  const closeYear = (unitId: number, year: number, states: Record<number, DemoResultState>) => {
    const attained = all22.every((n) => states[n] === 'MET');
    assessments.push({
      unitId,
      year,
      states,
      origin: 'DEMO',
      status: attained ? 'RECOGNISED' : 'NOT_RECOGNISED',
      decision: attained ? decide(year + 1, 1) : undefined,
    });
  };

  // 2023: what was reported that year.
  const anHungStates = allMet();
  for (const n of [1, 6, 15, 22]) anHungStates[n] = 'NOT_DUE';
  assessments.push({
    unitId: formerId(REPORTED.anHung),
    year: 2023,
    status: 'INSPECTING',
    origin: 'REPORTED',
    states: anHungStates,
  });
  assessments.push({
    unitId: formerId(REPORTED.ducXuan),
    year: 2023,
    status: 'NOT_RECOGNISED',
    origin: 'REPORTED',
    states: { ...allMet(), 4: 'NOT_MET' },
  });
  for (const code of [...REPORTED.ngheAnNamed, ...REPORTED.ngheAnOthers])
    assessments.push({
      unitId: formerId(code),
      year: 2023,
      status: 'NOT_RECOGNISED',
      origin: (REPORTED.ngheAnNamed as readonly string[]).includes(code) ? 'REPORTED' : 'DEMO',
      states: { ...allMet(), 22: 'NOT_MET' },
    });

  // Other provinces: one former ward in 2023, two in 2024 (demo).
  const reportedProvinces = new Set(['38', '40', '19']);
  const picks = new Map<string, DemoWard[]>();
  for (const p of input.provinces) {
    if (reportedProvinces.has(p.code)) continue;
    const pool = input.formerWards.filter((w) => w.todayProvinceCode === p.code);
    if (pool.length === 0) continue;
    const first = pool[Math.floor(rnd() * pool.length)]!;
    const rest = pool.filter((w) => w !== first);
    const second = rest.length ? rest[Math.floor(rnd() * rest.length)]! : undefined;
    picks.set(p.code, second ? [first, second] : [first]);
    closeYear(first.id, 2023, randomStates(1.5));
  }

  // 2024: the 2023 wards again, Bắc Kạn's two registrations as reported, and a second ward elsewhere.
  closeYear(formerId(REPORTED.anHung), 2024, allMet());
  closeYear(formerId(REPORTED.ducXuan), 2024, allMet());
  for (const code of [...REPORTED.ngheAnNamed, ...REPORTED.ngheAnOthers])
    closeYear(formerId(code), 2024, randomStates(0.6));
  for (const code of REPORTED.bacKan2024)
    assessments.push({
      unitId: formerId(code),
      year: 2024,
      status: 'DRAFT',
      origin: 'REPORTED',
      states: {},
    });
  closeYear(formerId(REPORTED.lamSon), 2024, randomStates(1));
  for (const wards of picks.values()) for (const w of wards) closeYear(w.id, 2024, randomStates(1));

  // 2025 and 2026: today's wards. Each province moves at its own pace; Hồ Chí Minh City aims
  // at 40% by 2025. Wards recognised in 2025 keep their standard (duy trì) in 2026.
  const pace = (code: string) => (code === '79' ? 0.42 : code === '33' ? 0.5 : 0.15 + rnd() * 0.35);
  for (const province of input.provinces) {
    const wards = province.wards;
    if (wards.length === 0) continue;
    const wards2025 = wards.filter((w) => !w.since2026);
    const registered2025 = Math.max(1, Math.round(wards2025.length * pace(province.code)));
    const recognised2025 = new Set<number>();
    wards2025.slice(0, registered2025).forEach((ward) => {
      const states = rnd() < 0.78 ? allMet() : randomStates(2);
      closeYear(ward.id, 2025, states);
      if (all22.every((n) => states[n] === 'MET')) recognised2025.add(ward.id);
    });
    const registered2026 = Math.min(
      wards.length,
      registered2025 + Math.max(1, Math.round(wards.length * (0.1 + rnd() * 0.25))),
    );
    wards.slice(0, registered2026).forEach((ward, i) => {
      if (recognised2025.has(ward.id) && rnd() < 0.9) {
        // Maintenance: already recognised, re-assessed this year; most are confirmed.
        const states = rnd() < 0.85 ? allMet() : randomStates(1);
        const attained = all22.every((n) => states[n] === 'MET');
        assessments.push({
          unitId: ward.id,
          year: 2026,
          states,
          origin: 'DEMO',
          status: attained ? 'RECOGNISED' : 'SUBMITTED',
          decision: attained ? decide(2026, 10) : undefined,
        });
        return;
      }
      // In progress this year: a mix of stages, some criteria not yet due before year end.
      const stage = (
        ['DRAFT', 'DRAFT', 'SUBMITTED', 'RETURNED', 'PROPOSED', 'INSPECTING'] as const
      )[(i + Math.floor(rnd() * 6)) % 6]!;
      const states = randomStates(1);
      for (const n of [1, 6, 22]) if (rnd() < 0.6) states[n] = 'NOT_DUE';
      if (stage === 'DRAFT') for (const n of all22) if (rnd() < 0.3) delete states[n];
      if (stage === 'DRAFT')
        for (const n of all22) if (states[n] === 'MET' && rnd() < 0.1) states[n] = 'IN_PROGRESS';
      assessments.push({ unitId: ward.id, year: 2026, status: stage, origin: 'DEMO', states });
    });
  }
  return assessments;
}
