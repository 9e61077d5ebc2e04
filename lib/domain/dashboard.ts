import {
  assessProgress,
  FIRST_YEAR,
  forecast,
  LAST_YEAR,
  targetLine,
  wardsStillNeeded,
  type Milestone,
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
  counted: number;
}

export interface ProvinceLine extends Totals {
  provinceId: number;
  share: number | null;
  milestone: DetailedMilestone | null;
  progress: ProgressAssessment;
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
   * status and forecast use only the years on the asked year's side of it.
   */
  sinceMerger: boolean;
  official: boolean;
  totals: Totals;
  share: number | null;
  milestone: DetailedMilestone | null;
  wardsNeeded: number | null;
  progress: ProgressAssessment;
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
      counted: t.counted + counted(r, official),
    }),
    { wards: 0, registered: 0, attained: 0, recognised: 0, counted: 0 },
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
  /** The year of the data date (today): later years have no actual figures. */
  dataYear: number;
  /** True: counted under today's units; false: as recorded on the units of each year. */
  lineage: boolean;
  official: boolean;
  /** Milestones for the whole scope (the nation, or the one province shown). */
  milestones: DetailedMilestone[];
  /** Milestones of one province given its number of wards. */
  provinceMilestones: (provinceId: number, wards: number) => DetailedMilestone[];
}): DashboardModel {
  const { year, official } = input;
  const asOf = asOfYear(year, input.dataYear);
  // Nothing after the data date is a fact: rows of later years (a recognition is a stock, so the
  // summaries carry it forward) are dropped here, once, for every view built on this model.
  const comparable = comparableYears(asOf, input.lineage);
  const rows = input.rows.filter((r) => r.year <= asOf);
  const yearRows = rows.filter((r) => r.year === asOf);
  const totals = sum(yearRows, official);
  const series = shares(rows, official, asOf);
  const assessed = (s: YearShare[]) => s.filter((p) => comparable(p.year));
  const progress = assessProgress(assessed(series), input.milestones, asOf);
  const milestone = (progress.milestone as DetailedMilestone | null) ?? null;
  const line = targetLine(input.milestones);
  const ahead = forecast(progress.current, progress.recent, asOf);
  const share = totals.wards > 0 ? totals.counted / totals.wards : null;

  const provinces = yearRows.map((r) => {
    const provinceRows = rows.filter((x) => x.provinceId === r.provinceId);
    const milestones = input.provinceMilestones(r.provinceId, r.wards);
    const p = assessProgress(assessed(shares(provinceRows, official, asOf)), milestones, asOf);
    return {
      provinceId: r.provinceId,
      wards: r.wards,
      registered: r.registered,
      attained: r.attained,
      recognised: r.recognised,
      counted: counted(r, official),
      share: r.wards > 0 ? counted(r, official) / r.wards : null,
      milestone: (p.milestone as DetailedMilestone | null) ?? null,
      progress: p,
    };
  });

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
    official,
    totals,
    share,
    milestone,
    wardsNeeded: wardsStillNeeded(totals.counted, totals.wards, milestone),
    progress,
    series: points,
    milestones: [...input.milestones].sort((a, b) => a.year - b.year),
    provinces,
  };
}
