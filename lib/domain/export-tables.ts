import type { DashboardModel } from './dashboard';
import type { ProgressStatus } from './progress';
import { wardName } from './units';

/**
 * The tables a dashboard shows, as plain typed columns and rows: the screen, the XLSX and the
 * CSV all take their numbers from here, so an export says exactly what the page says.
 */

export type CellKind = 'text' | 'integer' | 'share' | 'year';

export interface Column {
  key: string;
  header: { vi: string; en: string };
  kind: CellKind;
}

export type Cell = string | number | null;

export interface ExportTable {
  name: string;
  title: { vi: string; en: string };
  columns: Column[];
  rows: Cell[][];
}

export const exportTableNames = [
  'provinces',
  'wards',
  'criteria',
  'near-misses',
  'series',
] as const;
export type ExportTableName = (typeof exportTableNames)[number];

const statusLabel: Record<ProgressStatus, { vi: string; en: string }> = {
  achieved: { vi: 'Đã đạt mục tiêu', en: 'Target achieved' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  needs_acceleration: { vi: 'Cần tăng tốc', en: 'Needs acceleration' },
  off_track: { vi: 'Chậm tiến độ', en: 'Off track' },
  deteriorating: { vi: 'Đang giảm', en: 'Deteriorating' },
  not_enough_data: { vi: 'Chưa đủ số liệu', en: 'Not enough data' },
  no_target: { vi: 'Chưa có mục tiêu', en: 'No target' },
};

export function statusText(status: ProgressStatus, locale: 'vi' | 'en'): string {
  return statusLabel[status][locale];
}

const col = (key: string, vi: string, en: string, kind: CellKind): Column => ({
  key,
  header: { vi, en },
  kind,
});

export function provincesTable(
  model: DashboardModel,
  provinceName: (id: number) => string,
  locale: 'vi' | 'en',
): ExportTable {
  const counted = model.official
    ? { vi: 'Đã công nhận', en: 'Recognised' }
    : { vi: 'Đạt (tạm tính)', en: 'Meeting the standard (provisional)' };
  return {
    name: 'provinces',
    title: { vi: 'Các tỉnh, thành phố', en: 'Provinces' },
    columns: [
      col('province', 'Tỉnh/Thành', 'Province', 'text'),
      col('wards', 'Phường trong phạm vi', 'Wards in scope', 'integer'),
      col('registered', 'Đã đăng ký', 'Registered', 'integer'),
      col('counted', counted.vi, counted.en, 'integer'),
      col('share', 'Tỷ lệ đạt', 'Share', 'share'),
      col('target', 'Mục tiêu', 'Target', 'share'),
      col('targetYear', 'Năm mục tiêu', 'Target year', 'year'),
      col('status', 'Đánh giá', 'Status', 'text'),
      col('projected', 'Dự kiến đạt 100%', 'Projected 100%', 'year'),
    ],
    rows: [...model.provinces]
      .sort((a, b) => (b.share ?? -1) - (a.share ?? -1))
      .map((p) => [
        provinceName(p.provinceId),
        p.wards,
        p.registered,
        p.counted,
        p.share,
        p.milestone?.share ?? null,
        p.milestone?.year ?? null,
        statusText(p.progress.status, locale),
        p.progress.projectedFullYear,
      ]),
  };
}

export function seriesTable(model: DashboardModel): ExportTable {
  return {
    name: 'series',
    title: { vi: 'Tỷ lệ theo năm', en: 'Share by year' },
    columns: [
      col('year', 'Năm', 'Year', 'year'),
      col('actual', 'Thực tế', 'Actual', 'share'),
      col('target', 'Đường mục tiêu', 'Target line', 'share'),
      col('forecast', 'Dự báo', 'Forecast', 'share'),
    ],
    rows: model.series.map((p) => [p.year, p.actual, p.target, p.forecast]),
  };
}

export function criteriaTable(
  rows: { number: number; title: string; met: number; assessed: number }[],
): ExportTable {
  return {
    name: 'criteria',
    title: { vi: 'Tỷ lệ đạt từng tiêu chí', en: 'Share meeting each criterion' },
    columns: [
      col('number', 'Tiêu chí số', 'Criterion', 'integer'),
      col('title', 'Nội dung', 'Title', 'text'),
      col('met', 'Số phường đạt', 'Wards meeting it', 'integer'),
      col('assessed', 'Số phường đăng ký', 'Registered wards', 'integer'),
      col('share', 'Tỷ lệ đạt', 'Share', 'share'),
    ],
    rows: [...rows]
      .map((r) => ({ ...r, share: r.assessed ? r.met / r.assessed : 0 }))
      .sort((a, b) => a.share - b.share || a.number - b.number)
      .map((r) => [r.number, r.title, r.met, r.assessed, r.share]),
  };
}

export function nearMissTable(
  rows: {
    unitCode: string;
    unitName: string;
    provinceName: string;
    met: number;
    total: number;
    missing: string[];
  }[],
): ExportTable {
  return {
    name: 'near-misses',
    title: { vi: 'Phường còn thiếu 1–2 tiêu chí', en: 'Wards one or two criteria short' },
    columns: [
      col('code', 'Mã', 'Code', 'text'),
      col('ward', 'Phường', 'Ward', 'text'),
      col('province', 'Tỉnh/Thành', 'Province', 'text'),
      col('met', 'Tiêu chí đạt', 'Criteria met', 'integer'),
      col('total', 'Tổng số tiêu chí', 'Criteria', 'integer'),
      col('missing', 'Còn thiếu', 'Missing', 'text'),
    ],
    rows: rows.map((r) => [
      r.unitCode,
      wardName(r.unitName),
      r.provinceName,
      r.met,
      r.total,
      r.missing.join('; '),
    ]),
  };
}

export function wardsTable(
  rows: {
    code: string;
    fullName: string;
    status: string | null;
    met: number;
    total: number;
    notDue: number;
    notMet: number;
    fromUnits: { fullName: string }[];
    recognisedSince: number | null;
    recognisedVia: string | null;
  }[],
  statusName: (s: string) => string,
): ExportTable {
  return {
    name: 'wards',
    title: { vi: 'Các phường', en: 'Wards' },
    columns: [
      col('code', 'Mã', 'Code', 'text'),
      col('ward', 'Phường', 'Ward', 'text'),
      col('met', 'Tiêu chí đạt', 'Criteria met', 'integer'),
      col('total', 'Tổng số tiêu chí', 'Criteria', 'integer'),
      col('notDue', 'Chưa đến thời gian đánh giá', 'Not yet due', 'integer'),
      col('notMet', 'Chưa đạt', 'Not met', 'integer'),
      col('status', 'Trạng thái', 'Status', 'text'),
      col('dossierOf', 'Hồ sơ của đơn vị cũ', 'Dossier of former unit', 'text'),
      col('recognisedSince', 'Được công nhận từ năm', 'Recognised since', 'year'),
      col('recognisedVia', 'Công nhận của đơn vị cũ', 'Recognition of former unit', 'text'),
    ],
    rows: rows.map((r) => [
      r.code,
      r.fullName,
      r.status ? r.met : null,
      r.status ? r.total : null,
      r.status ? r.notDue : null,
      r.status ? r.notMet : null,
      r.status ? statusName(r.status) : '',
      r.fromUnits.map((u) => u.fullName).join('; '),
      r.recognisedSince,
      r.recognisedVia ?? '',
    ]),
  };
}

/** CSV: UTF-8 with a byte-order mark (so Excel shows Vietnamese right), shares as percentages. */
export function toCsv(table: ExportTable, locale: 'vi' | 'en'): string {
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const cell = (value: Cell, kind: CellKind) => {
    if (value === null) return '';
    if (kind === 'share' && typeof value === 'number')
      return (Math.round(value * 10000) / 100).toString();
    // A text that Excel would read as a formula is written inert.
    if (typeof value === 'string') return quote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    return String(value);
  };
  const header = table.columns.map((c) =>
    quote(c.kind === 'share' ? `${c.header[locale]} (%)` : c.header[locale]),
  );
  const lines = [
    header.join(','),
    ...table.rows.map((row) => row.map((v, i) => cell(v, table.columns[i]!.kind)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
