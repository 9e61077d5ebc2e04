import { dayOf, daysUntil } from './calendar';
import { rankByShare } from './ranks';
import {
  assessProgress,
  FIRST_YEAR,
  forecast,
  LAST_YEAR,
  milestoneResults,
  targetLine,
  wardsStillNeeded,
  type Milestone,
  type MilestoneResult,
  type ProgressAssessment,
  type YearShare,
} from './progress';

/**
 * Turns the database's per-province, per-year counts into what a dashboard shows. Official
 * figures count recognised wards; provisional ones count wards recognised or attaining every
 * criterion on their own results.
 */

export interface CountsRow {
  year: number;
  provinceId: number;
  wards: number;
  registered: number;
  attained: number;
  recognised: number;
  provisional: number;
}

export interface DetailedMilestone extends Milestone {
  origin: 'province' | 'national';
  source: string;
}

export interface Totals {
  wards: number;
  registered: number;
  attained: number;
  recognised: number;
  /** Recognised, or attaining every criterion this year: the provisional count, on any basis. */
  provisional: number;
  /** What the basis counts: `recognised` (official) or `provisional`. */
  counted: number;
}

export interface DetailedMilestoneResult extends MilestoneResult {
  origin: 'province' | 'national';
  source: string;
}

export interface ProvinceLine extends Totals {
  provinceId: number;
  share: number | null;
  /** The next milestone, toward which the pace (`progress`) is judged. */
  milestone: DetailedMilestone | null;
  progress: ProgressAssessment;
  /** Verdicts on the milestones whose year has come, oldest first. */
  milestoneResults: DetailedMilestoneResult[];
  /** The year before's share, when that year may be compared with this one (the 2025 merger). */
  previousShare: number | null;
  /** Place among the provinces by share this year and the year before (lib/domain/ranks.ts). */
  rank: number | null;
  previousRank: number | null;
  /** Wards still to meet the standard for the next milestone ("còn cần thêm"). */
  wardsNeeded: number | null;
}

export interface SeriesPoint {
  year: number;
  actual: number | null;
  target: number | null;
  forecast: number | null;
}

export interface DashboardModel {
  /** The year asked for. */
  year: number;
  /**
   * The year the actual figures are of: the year asked for, or the data date's year when the
   * year asked for is still to come. No figure after the data date is ever shown as actual.
   */
  asOfYear: number;
  /** The year asked for is after the data date: it has targets and a forecast, no actuals. */
  future: boolean;
  /**
   * As recorded, the 2025 merger changed the denominator (1,726 former phường, then about 700):
   * a former province's status uses only the years on the asked year's side of it.
   */
  sinceMerger: boolean;
  /**
   * Which units the verdicts (milestones, pace, forecast, the chart) are judged on. Always today's:
   * targets are set for today's provinces, and only on today's units can the years before and
   * after 1 July 2025 be compared. As recorded, the counts (cards, tables, map) are of the units
   * of the time, and `judgedShare` is the share the verdicts are of.
   */
  judgedOn: 'today';
  judgedShare: number | null;
  /** The counts are of the units of the time (the units switch's "as recorded"). */
  asRecorded: boolean;
  official: boolean;
  /** Days of the asked-for year still to come (0 once it is over, in Vietnam's calendar). */
  daysLeft: number;
  totals: Totals;
  share: number | null;
  /** The next milestone, toward which the pace (`progress`) is judged. */
  milestone: DetailedMilestone | null;
  wardsNeeded: number | null;
  /** The scope's share the year before, when comparable with this year's. */
  previousShare: number | null;
  progress: ProgressAssessment;
  /** Verdicts on the milestones whose year has come, oldest first: met, missed, or open. */
  milestoneResults: DetailedMilestoneResult[];
  series: SeriesPoint[];
  /** The scope's milestones, labelled on the target line. */
  milestones: DetailedMilestone[];
  provinces: ProvinceLine[];
}

const counted = (r: CountsRow, official: boolean) => (official ? r.recognised : r.provisional);

function sum(rows: CountsRow[], official: boolean): Totals {
  return rows.reduce<Totals>(
    (t, r) => ({
      wards: t.wards + r.wards,
      registered: t.registered + r.registered,
      attained: t.attained + r.attained,
      recognised: t.recognised + r.recognised,
      provisional: t.provisional + r.provisional,
      counted: t.counted + counted(r, official),
    }),
    { wards: 0, registered: 0, attained: 0, recognised: 0, provisional: 0, counted: 0 },
  );
}

/** Yearly shares; a year without any registration or recognition has no data. */
function shares(rows: CountsRow[], official: boolean, until: number): YearShare[] {
  const out: YearShare[] = [];
  for (let year = FIRST_YEAR; year <= until; year += 1) {
    const t = sum(
      rows.filter((r) => r.year === year),
      official,
    );
    out.push({
      year,
      share: t.wards > 0 && (t.registered > 0 || t.counted > 0) ? t.counted / t.wards : null,
    });
  }
  return out;
}

/** The first year counted on today's units: wards in force at the end of 2025 are today's. */
export const FIRST_YEAR_AFTER_MERGER = 2025;

/** Near misses a dashboard page shows, the closest first (21/22 before 20/22); exports have all. */
export const NEAR_SHOWN = 20;

/** The year whose actual figures answer a question about `year`: never one after the data date. */
export function asOfYear(year: number, dataYear: number): number {
  return Math.min(year, dataYear);
}

/** The data date's year, in Vietnam's calendar. */
export function dataYearOf(dataDate: Date): number {
  return Number(dayOf(dataDate).slice(0, 4));
}

/** Days of `year` still to come at `dataDate`, today included (0 once the year is over). */
export function daysLeftIn(year: number, dataDate: Date): number {
  const today = dayOf(dataDate);
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return 0;
  if (year > thisYear) return daysUntil(`${year}-12-31`, `${year}-01-01`) + 1;
  return daysUntil(`${year}-12-31`, today) + 1;
}

/** The fraction of `year` still to come at `dataDate`. */
function yearLeftAt(year: number, dataDate: Date): number {
  return daysLeftIn(year, dataDate) / (daysUntil(`${year}-12-31`, `${year}-01-01`) + 1);
}

/** Each verdict with where its milestone came from (the province's own, or the national one). */
function detailed(
  results: MilestoneResult[],
  milestones: readonly DetailedMilestone[],
): DetailedMilestoneResult[] {
  return results.map((r) => {
    const m = milestones.find((x) => x.year === r.year && x.share === r.share);
    return { ...r, origin: m?.origin ?? 'national', source: m?.source ?? '' };
  });
}

/** The years whose shares may be compared with `year`'s (lineage false: as recorded). */
export function comparableYears(year: number, lineage: boolean): (y: number) => boolean {
  if (lineage) return () => true;
  return year >= FIRST_YEAR_AFTER_MERGER
    ? (y) => y >= FIRST_YEAR_AFTER_MERGER
    : (y) => y < FIRST_YEAR_AFTER_MERGER;
}

export function buildDashboard(input: {
  rows: CountsRow[];
  year: number;
  /** When the figures were read: later years have no actual figures, and the year in progress
   * is still open for its milestone. */
  dataDate: Date;
  /** True: counted under today's units; false: as recorded on the units of each year. */
  lineage: boolean;
  official: boolean;
  /** Milestones for the whole scope (the nation, or the one province shown). */
  milestones: DetailedMilestone[];
  /** Milestones of one province given its number of wards. */
  provinceMilestones: (provinceId: number, wards: number) => DetailedMilestone[];
}): DashboardModel {
  const { year, official } = input;
  const asOf = asOfYear(year, dataYearOf(input.dataDate));
  const yearLeft = yearLeftAt(asOf, input.dataDate);
  // Nothing after the data date is a fact: rows of later years (a recognition is a stock, so the
  // summaries carry it forward) are dropped here, once, for every view built on this model.
  const comparable = comparableYears(asOf, input.lineage);
  const rows = input.rows.filter((r) => r.year <= asOf);
  const yearRows = rows.filter((r) => r.year === asOf);
  const totals = sum(yearRows, official);
  const series = shares(rows, official, asOf);
  const assessed = (s: YearShare[]) => s.filter((p) => comparable(p.year));
  const progress = assessProgress(assessed(series), input.milestones, asOf, yearLeft);
  const results = detailed(
    milestoneResults(assessed(series), input.milestones, asOf, yearLeft),
    input.milestones,
  );
  const milestone = (progress.milestone as DetailedMilestone | null) ?? null;
  const line = targetLine(input.milestones);
  const ahead = forecast(progress.current, progress.recent, asOf);
  const share = totals.wards > 0 ? totals.counted / totals.wards : null;

  const previousOf = (s: YearShare[]) =>
    comparable(asOf - 1) ? (s.find((p) => p.year === asOf - 1)?.share ?? null) : null;
  const lines = yearRows.map((r) => {
    const provinceRows = rows.filter((x) => x.provinceId === r.provinceId);
    const milestones = input.provinceMilestones(r.provinceId, r.wards);
    const provinceSeries = assessed(shares(provinceRows, official, asOf));
    const p = assessProgress(provinceSeries, milestones, asOf, yearLeft);
    const milestone = (p.milestone as DetailedMilestone | null) ?? null;
    return {
      provinceId: r.provinceId,
      wards: r.wards,
      registered: r.registered,
      attained: r.attained,
      recognised: r.recognised,
      provisional: r.provisional,
      counted: counted(r, official),
      share: r.wards > 0 ? counted(r, official) / r.wards : null,
      milestone,
      progress: p,
      milestoneResults: detailed(
        milestoneResults(provinceSeries, milestones, asOf, yearLeft),
        milestones,
      ),
      previousShare: previousOf(provinceSeries),
      wardsNeeded: wardsStillNeeded(counted(r, official), r.wards, milestone),
    };
  });
  const rankNow = rankByShare(new Map(lines.map((p) => [p.provinceId, p.share])));
  const rankBefore = rankByShare(new Map(lines.map((p) => [p.provinceId, p.previousShare])));
  const provinces: ProvinceLine[] = lines.map((p) => ({
    ...p,
    rank: rankNow.get(p.provinceId) ?? null,
    previousRank: rankBefore.get(p.provinceId) ?? null,
  }));

  const points: SeriesPoint[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y += 1)
    points.push({
      year: y,
      actual: series.find((s) => s.year === y)?.share ?? null,
      target: line.find((s) => s.year === y)?.share ?? null,
      forecast: ahead.find((s) => s.year === y)?.share ?? null,
    });

  return {
    year,
    asOfYear: asOf,
    future: year > asOf,
    sinceMerger: !input.lineage && asOf >= FIRST_YEAR_AFTER_MERGER,
    judgedOn: 'today',
    judgedShare: share,
    asRecorded: !input.lineage,
    official,
    daysLeft: daysLeftIn(asOf, input.dataDate),
    totals,
    share,
    milestone,
    wardsNeeded: wardsStillNeeded(totals.counted, totals.wards, milestone),
    previousShare: previousOf(series),
    progress,
    milestoneResults: results,
    series: points,
    milestones: [...input.milestones].sort((a, b) => a.year - b.year),
    provinces,
  };
}

/**
 * The "as recorded" view: its counts as recorded, its verdicts from the same year under today's
 * units (`today`), so switching the units never changes a verdict. A province row of the time
 * that is one of today's provinces takes today's verdicts; a former province (before the merger)
 * keeps its own, judged on the years of its era only.
 */
export function judgedOnTodaysUnits(
  recorded: DashboardModel,
  today: DashboardModel,
): DashboardModel {
  const todays = new Map(today.provinces.map((p) => [p.provinceId, p]));
  return {
    ...recorded,
    judgedShare: today.share,
    progress: today.progress,
    milestone: today.milestone,
    milestoneResults: today.milestoneResults,
    wardsNeeded: today.wardsNeeded,
    series: today.series,
    provinces: recorded.provinces.map((p) => {
      const t = todays.get(p.provinceId);
      return t
        ? {
            ...p,
            progress: t.progress,
            milestone: t.milestone,
            milestoneResults: t.milestoneResults,
          }
        : p;
    }),
  };
}
