import type { DashboardModel } from './dashboard';
import type { MilestoneResult, ProgressStatus } from './progress';
import { formatDate, formatNumber, formatPercent, formatSigned } from '@/lib/i18n/format';
import { translatorFor } from '@/lib/i18n/translator';
import { wardName } from './units';

/**
 * The tables a dashboard shows, as plain typed columns and rows: the screen, the XLSX and the
 * CSV all take their numbers from here, so an export says exactly what the page says.
 */

/**
 * `signed`: a change, shown with its sign (+5,2 points of share; +2 places); `date`: a calendar
 * day held as YYYY-MM-DD (so CSV stays machine-readable), shown in the reader's format.
 */
export type CellKind = 'text' | 'integer' | 'share' | 'year' | 'signed' | 'date';

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
  'comparison',
  'completeness',
  'wards',
  'criteria',
  'near-misses',
  'series',
] as const;
export type ExportTableName = (typeof exportTableNames)[number];

type Bilingual = { vi: string; en: string };
const catalogues = { vi: translatorFor('vi'), en: translatorFor('en') };

/** One catalogue entry in both languages: an export's words are the pages' words. */
function bilingual(key: string): Bilingual {
  return { vi: catalogues.vi(key), en: catalogues.en(key) };
}

export function statusText(status: ProgressStatus, locale: 'vi' | 'en'): string {
  return catalogues[locale](`dashboard.status.${status}`);
}

/** A milestone's verdict as one sentence: "Không đạt mục tiêu 2025: 33,6% / 40%". */
export function verdictText(
  result: MilestoneResult,
  locale: 'vi' | 'en',
  daysLeft: number,
): string {
  return catalogues[locale](`dashboard.verdict.${result.outcome}`, {
    year: result.year,
    actual: result.actual === null ? '—' : formatPercent(result.actual, locale),
    target: formatPercent(result.share, locale, 0),
    days: daysLeft,
  });
}

/** What each column holds, the same under every table that has it. */
const kinds: Record<string, CellKind> = {
  wards: 'integer',
  registered: 'integer',
  counted: 'integer',
  countedOfficial: 'integer',
  met: 'integer',
  total: 'integer',
  assessed: 'integer',
  number: 'integer',
  notDue: 'integer',
  notMet: 'integer',
  nearMisses: 'integer',
  share: 'share',
  target: 'share',
  actual: 'share',
  forecast: 'share',
  year: 'year',
  targetYear: 'year',
  dueYear: 'year',
  dueTarget: 'share',
  dueActual: 'share',
  projected: 'year',
  recognisedSince: 'year',
  bare: 'integer',
  waiting: 'integer',
  previous: 'share',
  change: 'signed',
  rank: 'integer',
  previousRank: 'integer',
  rankMove: 'signed',
  needed: 'integer',
  complete: 'integer',
  entered: 'share',
  lastUpdate: 'date',
  stale: 'integer',
};

/** A table's title and columns (space-separated keys), headers from the catalogues. */
export function frame(name: ExportTableName | 'queue', keys: string) {
  const scope = `exportTables.${name === 'near-misses' ? 'nearMisses' : name}`;
  return {
    name,
    title: bilingual(`${scope}.title`),
    columns: keys.split(' ').map((key) => ({
      key: key === 'countedOfficial' ? 'counted' : key,
      header: bilingual(`${scope}.${key}`),
      kind: kinds[key] ?? 'text',
    })),
  };
}

export function provincesTable(
  model: DashboardModel,
  provinceName: (id: number) => string,
  nearMisses: (id: number) => number,
  locale: 'vi' | 'en',
): ExportTable {
  const counted = model.official ? 'countedOfficial' : 'counted';
  return {
    ...frame(
      'provinces',
      `province wards registered ${counted} nearMisses share dueYear dueTarget dueActual verdict target targetYear status projected`,
    ),
    rows: [...model.provinces]
      .sort((a, b) => (b.share ?? -1) - (a.share ?? -1))
      .map((p) => {
        // The latest milestone whose year has come, and its verdict; then the pace to the next.
        const due = p.milestoneResults.at(-1);
        return [
          provinceName(p.provinceId),
          p.wards,
          p.registered,
          p.counted,
          nearMisses(p.provinceId),
          p.share,
          due?.year ?? null,
          due?.share ?? null,
          due?.actual ?? null,
          due
            ? catalogues[locale](`dashboard.verdictShort.${due.outcome}`, { year: due.year })
            : '',
          p.milestone?.share ?? null,
          p.milestone?.year ?? null,
          statusText(p.progress.status, locale),
          p.progress.projectedFullYear,
        ];
      }),
  };
}

/** A cell as a reader sees it: shares as percentages, changes with their sign, vi-VN numbers. */
export function cellText(value: Cell, kind: CellKind, locale: 'vi' | 'en'): string {
  if (value === null) return '—';
  if (kind === 'date' && typeof value === 'string') return formatDate(value, locale);
  if (typeof value !== 'number') return value;
  if (kind === 'share') return formatPercent(value, locale);
  if (kind === 'integer') return formatNumber(value, locale);
  if (kind === 'signed') return formatSigned(value, locale);
  return String(value);
}

export function seriesTable(model: DashboardModel): ExportTable {
  return {
    ...frame('series', 'year actual target forecast'),
    rows: model.series.map((p) => [p.year, p.actual, p.target, p.forecast]),
  };
}

export function criteriaTable(
  rows: { number: number; title: string; met: number; assessed: number }[],
): ExportTable {
  return {
    ...frame('criteria', 'number title met assessed share'),
    rows: [...rows]
      .map((r) => ({ ...r, share: r.assessed ? r.met / r.assessed : 0 }))
      .sort((a, b) => a.share - b.share || a.number - b.number)
      .map((r) => [r.number, r.title, r.met, r.assessed, r.share]),
  };
}

/** A near miss as the page, the briefing and the files say it. */
export interface NearMissLine {
  unitCode: string;
  unitName: string;
  provinceName: string;
  met: number;
  total: number;
  dossierUnit: { fullName: string } | null;
  failed: { number: number; title: string; titleEn: string }[];
  notDue: { number: number; title: string; titleEn: string }[];
}

const criteriaList = (list: NearMissLine['failed'], locale: 'vi' | 'en') =>
  list.map((c) => `${c.number}. ${locale === 'en' ? c.titleEn : c.title}`).join('; ');

/** What a near miss still lacks: "Chưa đạt: 4. …; Chưa đến thời gian đánh giá: 18. …". */
export function nearMissText(n: NearMissLine, locale: 'vi' | 'en'): string {
  const t = catalogues[locale];
  return [
    n.failed.length ? t('dashboard.nearFailed', { list: criteriaList(n.failed, locale) }) : null,
    n.notDue.length ? t('dashboard.nearNotDue', { list: criteriaList(n.notDue, locale) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function nearMissTable(rows: NearMissLine[], locale: 'vi' | 'en'): ExportTable {
  return {
    ...frame('near-misses', 'code ward province met total failed notDue dossierOf'),
    rows: rows.map((r) => [
      r.unitCode,
      wardName(r.unitName),
      r.provinceName,
      r.met,
      r.total,
      criteriaList(r.failed, locale),
      criteriaList(r.notDue, locale),
      r.dossierUnit?.fullName ?? '',
    ]),
  };
}

export function wardsTable(
  rows: readonly {
    code: string;
    fullName: string;
    status: string | null;
    met: number;
    total: number;
    notDue: number;
    notMet: number;
    fromUnits: readonly { fullName: string }[];
    recognisedSince: number | null;
    recognisedVia: string | null;
  }[],
  locale: 'vi' | 'en',
): ExportTable {
  const counts = (r: (typeof rows)[number]) =>
    r.status ? [r.met, r.total, r.notDue, r.notMet] : [null, null, null, null];
  return {
    ...frame(
      'wards',
      'code ward met total notDue notMet status dossierOf recognisedSince recognisedVia',
    ),
    rows: rows.map((r) => [
      r.code,
      r.fullName,
      ...counts(r),
      catalogues[locale](r.status ? `statuses.${r.status}` : 'maps.ward.notRegistered'),
      r.fromUnits.map((u) => u.fullName).join('; '),
      r.recognisedSince,
      r.recognisedVia ?? '',
    ]),
  };
}

/**
 * The review queue as it is filtered and ordered on screen: each dossier with its results, the
 * criteria without evidence, the days it has waited and the date it waits on.
 */
export function queueTable(
  rows: {
    unitCode: string;
    unitName: string;
    provinceName: string;
    year: number;
    status: string;
    met: number;
    total: number;
    notMet: number;
    notDue: number;
    bare: number;
    waitingDays: number;
    /** The date the dossier waits on (YYYY-MM-DD) and its standing, when there is one. */
    deadline: { due: string; state: string } | null;
  }[],
  locale: 'vi' | 'en',
): ExportTable {
  const t = catalogues[locale];
  return {
    ...frame(
      'queue',
      'ward code province year status met total notMet notDue bare waiting deadline',
    ),
    rows: rows.map((r) => [
      wardName(r.unitName),
      r.unitCode,
      r.provinceName,
      r.year,
      t(`statuses.${r.status}`),
      r.met,
      r.total,
      r.notMet,
      r.notDue,
      r.bare,
      r.waitingDays,
      r.deadline
        ? `${r.deadline.due.split('-').reverse().join('/')} (${t(`exportTables.queue.states.${r.deadline.state}`)})`
        : '',
    ]),
  };
}

/**
 * CSV: UTF-8 with a byte-order mark (so Excel shows Vietnamese right), shares as percentages.
 * `about` (what the file is: scope, year, basis, units, data date, method) comes first, a
 * label–value pair a line, then an empty line and the table.
 */
export function toCsv(
  table: ExportTable,
  locale: 'vi' | 'en',
  about: [string, string][] = [],
): string {
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
    ...about.map(([label, value]) => `${cell(label, 'text')},${cell(value, 'text')}`),
    ...(about.length ? [''] : []),
    header.join(','),
    ...table.rows.map((row) => row.map((v, i) => cell(v, table.columns[i]!.kind)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
