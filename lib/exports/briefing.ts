import 'server-only';
import type { ReportData } from '@/lib/data/progress/reports';
import {
  nearMissText,
  statusText,
  verdictText,
  type ExportTable,
} from '@/lib/domain/export-tables';
import { formatDateTime, formatNumber, formatPercent } from '@/lib/i18n/format';
import { buildExportTable } from './tables';
import { wardName } from '@/lib/domain/units';
import { translatorFor } from '@/lib/i18n/translator';
import { nationalMapModel, provinceMapModel } from '@/lib/maps/progress';

/**
 * What a briefing pack says, once: the PDF and the PPTX draw the same content, slide for slide.
 *   1 cover · 2 headline figures · 3 share vs target chart · 4 province or ward table ·
 *   5 wards one or two criteria short · 6 most-missed criteria
 */
export interface BriefingContent {
  locale: 'vi' | 'en';
  title: string;
  subtitle: string;
  scope: string;
  year: number;
  dataDate: string;
  stamp: string;
  official: boolean;
  headline: { label: string; value: string }[];
  statusLine: string;
  series: { year: number; actual: number | null; target: number | null; forecast: number | null }[];
  legend: { actual: string; target: string; forecast: string };
  table: ExportTable;
  nearMisses: string[];
  /** The line saying how many of all the near misses a shorter list shows. */
  nearMore: (shown: number) => string;
  criteria: { label: string; share: number }[];
  /** The map page: the same model as the page's map (lib/maps/progress.ts); null when none fits. */
  map: BriefingMap | null;
  /** What is left to the next milestone, in one sentence (the report's part on the way ahead). */
  remaining: string;
  /** How the figures are counted and where they come from: the page's "Cách tính số liệu". */
  method: { title: string; notes: string[]; source: string };
  labels: {
    headline: string;
    chart: string;
    table: string;
    nearMisses: string;
    criteria: string;
    none: string;
    page: string;
  };
}

export interface BriefingMap {
  title: string;
  note: string;
  width: number;
  height: number;
  areas: { code: string; d: string; colour: string }[];
  legend: { label: string; colour: string; count: number }[];
  /** Framed far islands, names on the shapes (or key numbers), and the key. */
  insets: { x: number; y: number; width: number; height: number; label: string }[];
  labels: { x: number; y: number; text: string; numbered: boolean }[];
  numbered: { number: number; name: string }[];
  keyTitle: string;
}

/** The map of the briefing's scope: the province's wards, or the nation's 34 provinces. */
function briefingMap(data: ReportData, locale: 'vi' | 'en'): BriefingMap | null {
  const t = translatorFor(locale, 'maps');
  // The year's province rows: a map only when they are today's (not another era's, as recorded).
  const current = data.view.model.provinces.every(
    (p) => data.view.provinces.get(p.provinceId)?.validTo === null,
  );
  const model =
    data.province && data.wards
      ? provinceMapModel(data.province.code, data.wards, (c) => t(`ward.${c}`))
      : current
        ? nationalMapModel(
            data.view.model.provinces.map((p) => ({
              code: data.view.provinces.get(p.provinceId)?.code ?? '',
              status: p.progress.status,
            })),
            (s) => statusText(s, locale),
          )
        : null;
  if (!model) return null;
  return {
    title: data.province
      ? `${t('provinceTitle', { year: data.view.model.year })} · ${data.province.fullName}`
      : t('nationalTitle', { year: data.view.model.asOfYear }),
    note: data.province ? t('wardSource') : t('islands'),
    width: model.shapes.width,
    height: model.shapes.height,
    areas: model.shapes.shapes.map((s) => ({
      code: s.code,
      d: s.d,
      colour: model.areas.get(s.code)?.colour ?? '#ffffff',
    })),
    legend: model.legend,
    insets: model.shapes.insets,
    labels: model.shapes.labels,
    numbered: model.shapes.numbered,
    keyTitle: t('numberKey'),
  };
}

const text = {
  vi: {
    title: 'Báo cáo tiến độ xây dựng Công an phường điển hình, kiểu mẫu',
    subtitle: 'về an ninh, trật tự và văn minh đô thị',
    nation: 'Toàn quốc',
    official: 'CHÍNH THỨC (đã công nhận)',
    provisional: 'TẠM TÍNH (tự đánh giá)',
    dataDate: 'Số liệu đến',
    wards: 'Phường trong phạm vi',
    registered: 'Đã đăng ký',
    attained: 'Tự đánh giá đạt',
    recognised: 'Đã công nhận',
    share: 'Tỷ lệ đạt',
    target: 'Mục tiêu gần nhất',
    needed: 'Còn cần thêm (phường)',
    projected: 'Dự kiến đạt 100%',
    never: 'chưa xác định',
    status: 'Đánh giá tiến độ',
    headline: 'Số liệu chính',
    chart: 'Tỷ lệ phường đạt chuẩn so với mục tiêu',
    tableProvinces: 'Các tỉnh, thành phố',
    tableWards: 'Các phường',
    nearMisses: 'Phường còn thiếu 1–2 tiêu chí',
    criteria: 'Tiêu chí hay thiếu nhất',
    none: 'Không có',
    page: 'Trang',
    actual: 'Thực tế',
    targetLine: 'Mục tiêu',
    forecast: 'Dự báo',
    missing: 'còn thiếu',
    future: (year: number, asOf: number) =>
      `Năm ${year} chưa đến: số liệu thực tế là của năm ${asOf}, đến ngày số liệu; năm ${year} chỉ có mục tiêu và dự báo.`,
    more: (shown: number, total: number) =>
      `… ${shown}/${total} phường đầu tiên; danh sách đầy đủ trong tệp XLSX “Phường còn thiếu 1–2 tiêu chí”.`,
    remaining: (target: string, year: number, needed: string) =>
      `Để đạt mục tiêu ${target} năm ${year}, còn cần thêm ${needed} phường đạt chuẩn.`,
    reached: (target: string, year: number) => `Đã đạt mục tiêu ${target} năm ${year}.`,
    noTarget: 'Không còn mốc mục tiêu nào phía trước.',
    pace: (year: string) => `Theo tốc độ hiện nay, dự kiến đạt 100% vào năm ${year}.`,
    noPace: 'Theo tốc độ hiện nay, chưa xác định được năm đạt 100%.',
  },
  en: {
    title: 'Progress report: model ward police',
    subtitle: 'for security, public order and urban civility',
    nation: 'Nationwide',
    official: 'OFFICIAL (recognised)',
    provisional: 'PROVISIONAL (self-assessed)',
    dataDate: 'Data as of',
    wards: 'Wards in scope',
    registered: 'Registered',
    attained: 'Self-assessed attained',
    recognised: 'Recognised',
    share: 'Share',
    target: 'Next target',
    needed: 'Still needed (wards)',
    projected: 'Projected 100%',
    never: 'not at the current pace',
    status: 'Progress status',
    headline: 'Headline figures',
    chart: 'Share of wards meeting the standard against the target',
    tableProvinces: 'Provinces',
    tableWards: 'Wards',
    nearMisses: 'Wards one or two criteria short',
    criteria: 'Most-missed criteria',
    none: 'None',
    page: 'Page',
    actual: 'Actual',
    targetLine: 'Target',
    forecast: 'Forecast',
    missing: 'missing',
    future: (year: number, asOf: number) =>
      `${year} has not come yet: the actual figures are those of ${asOf}, up to the data date; ${year} shows its target and the forecast only.`,
    more: (shown: number, total: number) =>
      `… the first ${shown} of ${total} wards; the full list is in the “near misses” XLSX export.`,
    remaining: (target: string, year: number, needed: string) =>
      `To reach the ${year} target of ${target}, ${needed} more wards must meet the standard.`,
    reached: (target: string, year: number) => `The ${year} target of ${target} is reached.`,
    noTarget: 'No milestone lies ahead.',
    pace: (year: string) => `At the current pace, 100% is reached in ${year}.`,
    noPace: 'At the current pace, the year of 100% cannot be told.',
  },
} as const;

/** Near misses written out in a briefing; the total is always given, the rest are in the XLSX. */
export const BRIEFING_NEAR_MISSES = 20;

export function briefingContent(data: ReportData, locale: 'vi' | 'en'): BriefingContent {
  const l = text[locale];
  const td = translatorFor(locale, 'dashboard');
  const { model } = data.view;
  const en = locale === 'en';
  const n = (v: number) => formatNumber(v, locale);
  const milestone = model.milestone;
  const table =
    data.province && data.wards
      ? buildExportTable('wards', data, locale)!
      : buildExportTable('provinces', data, locale)!;
  return {
    locale,
    title: l.title,
    subtitle: l.subtitle,
    scope: data.province?.fullName ?? l.nation,
    year: model.year,
    dataDate: `${l.dataDate} ${formatDateTime(data.view.dataDate, locale)}`,
    stamp: model.official ? l.official : l.provisional,
    official: model.official,
    headline: [
      { label: l.wards, value: n(model.totals.wards) },
      { label: l.registered, value: n(model.totals.registered) },
      { label: l.attained, value: n(model.totals.attained) },
      { label: l.recognised, value: n(model.totals.recognised) },
      { label: l.share, value: model.share === null ? '—' : formatPercent(model.share, locale) },
      {
        label: l.target,
        value: milestone ? `${formatPercent(milestone.share, locale, 0)} (${milestone.year})` : '—',
      },
      { label: l.needed, value: model.wardsNeeded === null ? '—' : n(model.wardsNeeded) },
      {
        label: l.projected,
        value: model.progress.projectedFullYear
          ? String(model.progress.projectedFullYear)
          : l.never,
      },
    ],
    statusLine: [
      model.future ? l.future(model.year, model.asOfYear) : null,
      model.asRecorded
        ? td('unitsNote', {
            share: model.share === null ? '—' : formatPercent(model.share, locale),
            judged: model.judgedShare === null ? '—' : formatPercent(model.judgedShare, locale),
          })
        : null,
      // Each milestone whose year has come is a verdict; the pace is toward the next one.
      ...model.milestoneResults.map((r) => `${verdictText(r, locale, model.daysLeft)}.`),
      milestone
        ? `${td('paceToward', { target: formatPercent(milestone.share, locale, 0), year: milestone.year })}: ${statusText(model.progress.status, locale)}${milestone.source ? ` — ${milestone.source}` : ''}.`
        : model.milestoneResults.length > 0
          ? td('noNextTarget', { year: model.asOfYear })
          : `${l.status}: ${statusText(model.progress.status, locale)}.`,
    ]
      .filter(Boolean)
      .join(' '),
    series: model.series,
    legend: { actual: l.actual, target: l.targetLine, forecast: l.forecast },
    table,
    nearMisses: [
      ...data.view.nearMisses
        .slice(0, BRIEFING_NEAR_MISSES)
        .map(
          (w) =>
            `${wardName(w.unitName)} (${w.provinceName}) ${w.met}/${w.total} — ${nearMissText(w, locale)}`,
        ),
      ...(data.view.nearMissCount > BRIEFING_NEAR_MISSES
        ? [l.more(BRIEFING_NEAR_MISSES, data.view.nearMissCount)]
        : []),
    ],
    nearMore: (shown) => l.more(shown, data.view.nearMissCount),
    criteria: [...data.view.criteria]
      .map((c) => ({
        label: `${c.number}. ${en ? c.titleEn : c.title}`,
        share: c.assessed ? c.met / c.assessed : 0,
      }))
      .sort((a, b) => a.share - b.share)
      .slice(0, 10),
    map: briefingMap(data, locale),
    remaining: [
      milestone
        ? model.wardsNeeded
          ? l.remaining(
              formatPercent(milestone.share, locale, 0),
              milestone.year,
              n(model.wardsNeeded),
            )
          : l.reached(formatPercent(milestone.share, locale, 0), milestone.year)
        : l.noTarget,
      model.progress.projectedFullYear
        ? l.pace(String(model.progress.projectedFullYear))
        : l.noPace,
    ].join(' '),
    method: {
      title: td('methodTitle'),
      notes: [
        td('methodCounts'),
        td('methodWards'),
        td('methodSplits'),
        td('methodRecognisedStock'),
        td('methodMilestones'),
        td('method'),
      ],
      source: td('chartSource'),
    },
    labels: {
      headline: l.headline,
      chart: l.chart,
      table: data.province ? l.tableWards : l.tableProvinces,
      nearMisses: `${l.nearMisses} (${formatNumber(data.view.nearMissCount, locale)})`,
      criteria: l.criteria,
      none: l.none,
      page: l.page,
    },
  };
}
