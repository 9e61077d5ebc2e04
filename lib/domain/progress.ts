/**
 * Progress against targets: milestone verdicts, status, forecast and the target line, computed
 * from plain yearly shares. Shares are fractions (0.4 = 40%). The method (also in docs/product.md):
 *
 *   a milestone whose year is over is met (the share at that year's end reached it) or missed;
 *   in its own year it is met as soon as the share reaches it, otherwise still open
 *   the pace is judged toward the next milestone still to come: the first one after the year, or
 *   the year's own while that year is still running
 *   required yearly gain = (target share − current share) / time left until the end of its year
 *   recent yearly gain   = mean of the last two yearly gains among years with data
 *   status: achieved        current ≥ target
 *           on track        recent ≥ 0.95 × required
 *           needs acceleration  recent ≥ 0.6 × required
 *           off track       recent ≥ 0
 *           deteriorating   recent < 0
 *           not enough data fewer than two years with data
 *   projected year of 100% = this year + ⌈(1 − current) / recent⌉ when recent > 0
 */

export const FIRST_YEAR = 2021;
export const LAST_YEAR = 2030;

/** The year a page shows when none is asked for: this year, within the programme's years. */
export function defaultYear(today: Date = new Date()): number {
  return clampYear(today.getFullYear());
}

/** The programme year nearest to `year`. */
export function clampYear(year: number): number {
  return Math.min(LAST_YEAR, Math.max(FIRST_YEAR, year));
}
/** Every year of the programme, in order. */
export const programmeYears: readonly number[] = Array.from(
  { length: LAST_YEAR - FIRST_YEAR + 1 },
  (_, i) => FIRST_YEAR + i,
);

/** Every status a scope's progress can have, from done to furthest behind, then undecided. */
export const progressStatuses = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'off_track',
  'deteriorating',
  'not_enough_data',
  'no_target',
] as const;
export type ProgressStatus = (typeof progressStatuses)[number];

export interface YearShare {
  year: number;
  /** Null when the year has no data (nothing registered in the scope). */
  share: number | null;
}

export interface Milestone {
  year: number;
  /** Target share as a fraction. */
  share: number;
}

/** Mean of the last two yearly gains among years with data, up to `year`; null if fewer than two such years. */
export function recentGain(series: readonly YearShare[], year: number): number | null {
  const points = series
    .filter((p) => p.year <= year && p.share !== null)
    .sort((a, b) => a.year - b.year) as { year: number; share: number }[];
  if (points.length < 2) return null;
  const gains: number[] = [];
  for (let i = points.length - 1; i > 0 && gains.length < 2; i -= 1) {
    const a = points[i - 1]!;
    const b = points[i]!;
    // A gap of several years counts as their average yearly gain.
    gains.push((b.share - a.share) / (b.year - a.year));
  }
  return gains.reduce((s, g) => s + g, 0) / gains.length;
}

/**
 * The milestone the pace is judged against: the first after `year`, or `year`'s own while part of
 * that year is still to come (`yearLeft`, the fraction of it not yet passed). A milestone whose
 * year is over is never a target any more: it was met or missed (`milestoneResults`).
 */
export function nextMilestone(
  milestones: readonly Milestone[],
  year: number,
  yearLeft = 0,
): Milestone | null {
  const sorted = [...milestones].sort((a, b) => a.year - b.year);
  return sorted.find((m) => m.year > year || (m.year === year && yearLeft > 0)) ?? null;
}

/** The yearly gain that reaches the milestone by the end of its year (never less than a day away). */
export function requiredGain(
  current: number,
  milestone: Milestone,
  year: number,
  yearLeft = 0,
): number {
  const timeLeft = Math.max(1 / 365, milestone.year - year + yearLeft);
  return (milestone.share - current) / timeLeft;
}

/** What became of a milestone whose year has come: met, missed, or open while its year runs. */
export const milestoneOutcomes = ['met', 'missed', 'open'] as const;
export type MilestoneOutcome = (typeof milestoneOutcomes)[number];

export interface MilestoneResult extends Milestone {
  /** The share at the end of the milestone's year (or now, in its own year); null: no data. */
  actual: number | null;
  outcome: MilestoneOutcome;
}

/**
 * The verdict on every milestone whose year has come, by `year` (seen with `yearLeft` of it still
 * to come): met when the share at the end of its year reached it (in its own year, as soon as it
 * does), missed once its year is over without that, open while its year still runs. A year with
 * no data counted nothing: a target above zero is then missed.
 */
export function milestoneResults(
  series: readonly YearShare[],
  milestones: readonly Milestone[],
  year: number,
  yearLeft = 0,
): MilestoneResult[] {
  return [...milestones]
    .filter((m) => m.year <= year)
    .sort((a, b) => a.year - b.year)
    .map((m) => {
      const actual = series.find((p) => p.year === m.year)?.share ?? null;
      const reached = (actual ?? 0) + EPSILON >= m.share;
      const over = m.year < year || yearLeft <= 0;
      return {
        ...m,
        actual,
        outcome: reached ? 'met' : over ? 'missed' : 'open',
      };
    });
}

export interface ProgressAssessment {
  status: ProgressStatus;
  current: number | null;
  milestone: Milestone | null;
  required: number | null;
  recent: number | null;
  projectedFullYear: number | null;
}

const EPSILON = 1e-9;

/**
 * The pace toward the next milestone (`nextMilestone`), seen at `year` with `yearLeft` of it to
 * come. A milestone whose year is over is never judged here, so a missed one cannot read "on
 * track": `milestoneResults` gives its verdict.
 */
export function assessProgress(
  series: readonly YearShare[],
  milestones: readonly Milestone[],
  year: number,
  yearLeft = 0,
): ProgressAssessment {
  const current = series.find((p) => p.year === year)?.share ?? null;
  const milestone = nextMilestone(milestones, year, yearLeft);
  const recent = recentGain(series, year);
  const projectedFullYear = projectFullYear(current, recent, year);
  const base = { current, milestone, recent, projectedFullYear };
  if (!milestone) return { ...base, status: 'no_target', required: null };
  if (current === null) return { ...base, status: 'not_enough_data', required: null };
  const required = requiredGain(current, milestone, year, yearLeft);
  if (current + EPSILON >= milestone.share) return { ...base, status: 'achieved', required };
  if (recent === null) return { ...base, status: 'not_enough_data', required };
  let status: ProgressStatus;
  if (recent + EPSILON >= 0.95 * required) status = 'on_track';
  else if (recent + EPSILON >= 0.6 * required) status = 'needs_acceleration';
  else if (recent >= 0) status = 'off_track';
  else status = 'deteriorating';
  return { ...base, status, required };
}

export function projectFullYear(
  current: number | null,
  recent: number | null,
  year: number,
): number | null {
  if (current === null) return null;
  if (current + EPSILON >= 1) return year;
  if (recent === null || recent <= 0) return null;
  return year + Math.ceil((1 - current) / recent - EPSILON);
}

/** Forecast shares after `year` at the recent pace, to LAST_YEAR, capped at 100%. */
export function forecast(
  current: number | null,
  recent: number | null,
  year: number,
  until = LAST_YEAR,
): YearShare[] {
  if (current === null || recent === null) return [];
  const out: YearShare[] = [];
  for (let y = year; y <= until; y += 1)
    out.push({ year: y, share: Math.max(0, Math.min(1, current + recent * (y - year))) });
  return out;
}

/**
 * The target line for a chart: straight lines between milestones, starting from 0% in the
 * programme's first year; years after the last milestone stay at it.
 */
export function targetLine(
  milestones: readonly Milestone[],
  from = FIRST_YEAR,
  until = LAST_YEAR,
): YearShare[] {
  const points = [
    { year: from, share: 0 },
    ...[...milestones].filter((m) => m.year > from).sort((a, b) => a.year - b.year),
  ];
  if (points.length === 1) return [];
  const out: YearShare[] = [];
  for (let y = from; y <= until; y += 1) {
    const next = points.find((p) => p.year >= y);
    if (!next) {
      out.push({ year: y, share: points.at(-1)!.share });
      continue;
    }
    const prev = [...points].reverse().find((p) => p.year <= y)!;
    const share =
      next.year === prev.year
        ? next.share
        : prev.share + ((next.share - prev.share) * (y - prev.year)) / (next.year - prev.year);
    out.push({ year: y, share });
  }
  return out;
}

/** How many more wards reach the milestone's share of `wards`. */
export function wardsStillNeeded(
  count: number,
  wards: number,
  milestone: Milestone | null,
): number | null {
  if (!milestone) return null;
  return Math.max(0, Math.ceil(milestone.share * wards - EPSILON) - count);
}
