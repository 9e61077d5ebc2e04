import 'server-only';
import type { ReportData } from '@/lib/data/progress/reports';
import { dayOf } from '@/lib/domain/calendar';
import { formatDateTime } from '@/lib/i18n/format';
import { translatorFor } from '@/lib/i18n/translator';
import { comparisonTable } from '@/lib/domain/comparison';
import { completenessTable } from '@/lib/domain/completeness';
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
    case 'comparison':
      return comparisonTable(
        view.model,
        (id) => view.provinces.get(id)?.name ?? String(id),
        locale,
      );
    case 'completeness':
      return completenessTable(view.completeness, locale);
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

/** What a downloaded file is: said in its title block (CSV), its "About" sheet (XLSX) and name. */
export interface ExportMeta {
  title: string;
  scope: string;
  /** The year asked for, and (when it is still to come) the year its figures are of. */
  year: string;
  basis: string;
  units: string;
  dataDate: string;
  method: string[];
  locale: 'vi' | 'en';
  fileName: string;
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The description of a file built from `data`: its year (a future year says which year's figures
 * it shows), basis, units, scope and data date, the method note; and a file name that carries the
 * same (so an official and a provisional download, or Vietnamese and English, never share a name).
 */
export function exportMeta(
  data: ReportData,
  query: { year: number; basis: 'official' | 'provisional'; units: 'today' | 'recorded' },
  locale: 'vi' | 'en',
  what: { title: string; key: string },
): ExportMeta {
  const t = translatorFor(locale, 'dashboard');
  const tx = translatorFor(locale, 'xlsx');
  const { model } = data.view;
  const scope = data.province?.fullName ?? translatorFor(locale, 'exports')('nationwide');
  const basis = t(query.basis === 'official' ? 'official' : 'provisional');
  const units = t(query.units === 'today' ? 'unitsToday' : 'unitsRecorded');
  const dataDay = dayOf(data.view.dataDate);
  return {
    title: what.title,
    scope,
    year: model.future
      ? tx('futureYear', { year: model.year, asOf: model.asOfYear })
      : String(model.year),
    basis,
    units,
    dataDate: formatDateTime(data.view.dataDate, locale),
    method: [t('methodCounts'), t('methodMilestones'), t('method'), t('nearRule')],
    locale,
    fileName: [
      'kieu-mau',
      slug(what.title) || what.key,
      slug(scope),
      model.future ? `${model.year}-so-lieu-${model.asOfYear}` : String(model.year),
      query.basis === 'official' ? 'chinh-thuc' : 'tam-tinh',
      query.units === 'today' ? 'don-vi-hien-nay' : 'don-vi-khi-ghi-nhan',
      locale,
      dataDay,
    ].join('_'),
  };
}

/** The description as label–value rows: the XLSX "About" sheet and the CSV's title block. */
export function aboutRows(meta: ExportMeta): [string, string][] {
  const t = translatorFor(meta.locale, 'xlsx');
  const rows: [string, string][] = [
    [t('table'), meta.title],
    [t('scope'), meta.scope],
    [t('year'), meta.year],
    [t('basis'), meta.basis],
    [t('units'), meta.units],
    [t('dataDate'), meta.dataDate],
    [t('language'), meta.locale === 'vi' ? 'Tiếng Việt' : 'English'],
    [t('source'), t('sourceText')],
    ...meta.method.map((m, i): [string, string] => [i === 0 ? t('method') : '', m]),
  ];
  // A table that has no basis or units (the review queue) leaves those lines out.
  return rows.filter(([label, value]) => !label || value);
}

/** The review queue's file: whose queue, which filters, when; named after the same. */
export function queueExportMeta(
  scope: string,
  filters: string,
  now: Date,
  locale: 'vi' | 'en',
): ExportMeta {
  const t = translatorFor(locale, 'review');
  const title = translatorFor(locale, 'exportTables')('queue.title');
  return {
    title,
    scope,
    year: filters,
    basis: '',
    units: '',
    dataDate: formatDateTime(now, locale),
    method: [t('exportMethod')],
    locale,
    fileName: ['kieu-mau', slug(title), slug(scope), locale, dayOf(now)].join('_'),
  };
}
