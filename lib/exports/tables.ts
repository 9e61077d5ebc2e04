import 'server-only';
import type { ReportData } from '@/lib/data/reports';
import {
  criteriaTable,
  nearMissTable,
  provincesTable,
  seriesTable,
  wardsTable,
  type ExportTable,
  type ExportTableName,
} from '@/lib/domain/export-tables';

/** The named table of a report, built from the same figures the dashboard shows. */
export function buildExportTable(
  name: ExportTableName,
  data: ReportData,
  locale: 'vi' | 'en',
): ExportTable | null {
  const { view } = data;
  const en = locale === 'en';
  switch (name) {
    case 'provinces':
      return provincesTable(
        view.model,
        (id) => view.provinces.get(id)?.name ?? String(id),
        (id) => view.nearMissByProvince.get(id) ?? 0,
        locale,
      );
    case 'series':
      return seriesTable(view.model);
    case 'criteria':
      return criteriaTable(
        view.criteria.map((c) => ({
          number: c.number,
          title: en ? c.titleEn : c.title,
          met: c.met,
          assessed: c.assessed,
        })),
      );
    case 'near-misses':
      return nearMissTable(view.nearMisses, locale);
    case 'wards':
      return data.wards ? wardsTable(data.wards, locale) : null;
  }
}
