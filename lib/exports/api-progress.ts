import 'server-only';
import type { ReportData } from '@/lib/data/progress/reports';
import type { DetailedMilestoneResult } from '@/lib/domain/dashboard';

const milestoneJson = (r: DetailedMilestoneResult) => ({
  year: r.year,
  target: r.share,
  actual: r.actual,
  outcome: r.outcome,
  origin: r.origin,
  source: r.source,
});

/** The JSON the read-only API gives for a scope and year: the dashboard's own figures. */
export function progressJson(
  data: ReportData,
  query: { year: number; basis: string; units: string },
) {
  const { model, provinces } = data.view;
  return {
    scope: data.province
      ? { level: 'province', code: data.province.code, name: data.province.fullName }
      : { level: 'nation', code: null, name: 'Toàn quốc' },
    year: query.year,
    basis: query.basis,
    units: query.units,
    dataDate: data.view.dataDate.toISOString(),
    totals: model.totals,
    share: model.share,
    /** Verdicts on the milestones whose year has come: met, missed, or open (its year runs). */
    milestones: model.milestoneResults.map(milestoneJson),
    daysLeftInYear: model.daysLeft,
    /** The next milestone: the one the pace (`status`) is judged toward. */
    target: model.milestone,
    wardsNeeded: model.wardsNeeded,
    /** Wards one or two criteria short, counted as the page, the map and the files count them. */
    nearMisses: data.view.nearMissCount,
    status: model.progress.status,
    projectedFullYear: model.progress.projectedFullYear,
    series: model.series,
    provinces: model.provinces.map((p) => ({
      code: provinces.get(p.provinceId)?.code ?? null,
      name: provinces.get(p.provinceId)?.name ?? null,
      current: provinces.get(p.provinceId)?.validTo === null,
      ...p,
      provinceId: undefined,
      progress: undefined,
      milestoneResults: undefined,
      milestones: p.milestoneResults.map(milestoneJson),
      nearMisses: data.view.nearMissByProvince.get(p.provinceId) ?? 0,
      status: p.progress.status,
      projectedFullYear: p.progress.projectedFullYear,
    })),
    ...(data.wards
      ? {
          wards: data.wards.map((w) => ({
            code: w.code,
            name: w.name,
            status: w.status,
            met: w.met,
            total: w.total,
            notMet: w.notMet,
            notDue: w.notDue,
            recognised: w.recognisedSince !== null,
            recognisedSince: w.recognisedSince,
            recognisedVia: w.recognisedVia,
            dossierOf: w.fromUnits.map((u) => u.code),
          })),
        }
      : {}),
  };
}
