import { translatorFor } from '@/lib/i18n/translator';
import type { DashboardModel } from './dashboard';
import { frame, type ExportTable } from './export-tables';
import { changeInPoints, rankMovement } from './ranks';

/**
 * This year against the year before, province by province: share then and now, the change in
 * percentage points, the place among the provinces then and now and the places gained, the wards
 * still needed for the next milestone; the nation's line last. Ranked by this year's share.
 */
export function comparisonTable(
  model: DashboardModel,
  provinceName: (id: number) => string,
  locale: 'vi' | 'en',
): ExportTable {
  const lines = [...model.provinces].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.share ?? -1) - (a.share ?? -1),
  );
  return {
    ...frame(
      'comparison',
      'province rank previous share change previousRank rankMove needed target targetYear',
    ),
    rows: [
      ...lines.map((p) => [
        provinceName(p.provinceId),
        p.rank,
        p.previousShare,
        p.share,
        changeInPoints(p.share, p.previousShare),
        p.previousRank,
        rankMovement(p.rank, p.previousRank),
        p.wardsNeeded,
        p.milestone?.share ?? null,
        p.milestone?.year ?? null,
      ]),
      [
        translatorFor(locale)('exportTables.comparison.nation'),
        null,
        model.previousShare,
        model.share,
        changeInPoints(model.share, model.previousShare),
        null,
        null,
        model.wardsNeeded,
        model.milestone?.share ?? null,
        model.milestone?.year ?? null,
      ],
    ],
  };
}
