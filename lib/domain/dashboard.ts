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
  year: number;
  official: boolean;
  totals: Totals;
  share: number | null;
  milestone: DetailedMilestone | null;
  wardsNeeded: number | null;
  progress: ProgressAssessment;
  series: SeriesPoint[];
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

export function buildDashboard(input: {
  rows: CountsRow[];
  year: number;
  official: boolean;
  /** Milestones for the whole scope (the nation, or the one province shown). */
  milestones: DetailedMilestone[];
  /** Milestones of one province given its number of wards. */
  provinceMilestones: (provinceId: number, wards: number) => DetailedMilestone[];
}): DashboardModel {
  const { rows, year, official } = input;
  const yearRows = rows.filter((r) => r.year === year);
  const totals = sum(yearRows, official);
  const series = shares(rows, official, year);
  const progress = assessProgress(series, input.milestones, year);
  const milestone = (progress.milestone as DetailedMilestone | null) ?? null;
  const line = targetLine(input.milestones);
  const ahead = forecast(progress.current, progress.recent, year);
  const share = totals.wards > 0 ? totals.counted / totals.wards : null;

  const provinces = yearRows.map((r) => {
    const provinceRows = rows.filter((x) => x.provinceId === r.provinceId);
    const milestones = input.provinceMilestones(r.provinceId, r.wards);
    const p = assessProgress(shares(provinceRows, official, year), milestones, year);
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
    official,
    totals,
    share,
    milestone,
    wardsNeeded: wardsStillNeeded(totals.counted, totals.wards, milestone),
    progress,
    series: points,
    provinces,
  };
}
