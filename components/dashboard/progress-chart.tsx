import { useLocale, useTranslations } from 'next-intl';
import type { SeriesPoint } from '@/lib/domain/dashboard';
import type { Milestone } from '@/lib/domain/progress';
import { formatPercent } from '@/lib/i18n/format';
import { columnsOf } from '@/components/ui/data-table';
import { ChartCanvas, ChartFigure, ChartTable } from './chart-frame';
import { ChartLegend } from './chart-legend';

/** The chart's colours and strokes, shared by the picture, its legend and its downloads. */
export const progressLines = {
  actual: { color: '#1e40af', width: 3, dash: undefined },
  target: { color: '#c8102e', width: 2, dash: undefined },
  forecast: { color: '#1e40af', width: 2, dash: '6 5' },
} as const;

const W = 800;
const H = 300;
const M = { top: 22, right: 24, bottom: 32, left: 52 };

/**
 * Share by year: the actual share (thick, with its figures), the target path with its labelled
 * milestones, and the forecast at the recent pace (dashed). Drawn on the server as SVG with a
 * viewBox, so it fits any width — a phone, a slide, the printed page — and costs the browser no
 * script; every year says its figures on hover or focus, and a table follows.
 */
export function ProgressChart({
  series,
  milestones = [],
  title,
  children,
}: {
  series: SeriesPoint[];
  /** Labelled on the target line ("40% · 2025"). */
  milestones?: Milestone[];
  title: string;
  children?: React.ReactNode;
}) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const pct = (v: number | null | undefined, digits = 1) =>
    v === null || v === undefined ? '—' : formatPercent(v, locale, digits);
  const years = series.map((p) => p.year);
  const first = years[0] ?? 2021;
  const span = Math.max(1, (years.at(-1) ?? first + 1) - first);
  const x = (year: number) => M.left + ((year - first) / span) * (W - M.left - M.right);
  const y = (share: number) => M.top + (1 - share) * (H - M.top - M.bottom);
  const path = (key: 'actual' | 'target' | 'forecast') =>
    series
      .filter((p) => p[key] !== null)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.year).toFixed(1)},${y(p[key]!).toFixed(1)}`)
      .join(' ');
  const line = (key: 'actual' | 'target' | 'forecast') => {
    const style = progressLines[key];
    return (
      <path
        d={path(key)}
        fill="none"
        stroke={style.color}
        strokeWidth={style.width}
        strokeDasharray={style.dash}
        strokeLinejoin="round"
        data-line={key}
      />
    );
  };
  return (
    <ChartFigure id="progress-chart" title={title} actions={children}>
      <ChartLegend
        items={[
          { label: t('chartActual'), ...progressLines.actual },
          { label: t('chartTarget'), ...progressLines.target },
          { label: t('chartForecast'), ...progressLines.forecast },
        ]}
      />
      <ChartCanvas name="progress" title={title} width={W} height={H}>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line
              x1={M.left}
              x2={W - M.right}
              y1={y(v)}
              y2={y(v)}
              stroke="#e2e8f0"
              strokeDasharray={v === 0 ? undefined : '3 3'}
            />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fill="#475569">
              {pct(v, 0)}
            </text>
          </g>
        ))}
        {years.map((year) => (
          <text key={year} x={x(year)} y={H - 10} textAnchor="middle" fill="#475569">
            {year}
          </text>
        ))}
        {line('target')}
        {line('forecast')}
        {line('actual')}
        {series
          .filter((p) => p.actual !== null)
          .map((p) => (
            <g key={p.year}>
              <circle cx={x(p.year)} cy={y(p.actual!)} r={4.5} fill={progressLines.actual.color} />
              <text
                x={x(p.year)}
                y={y(p.actual!) - 9}
                textAnchor="middle"
                fontSize={11}
                fill="#1e3a8a"
              >
                {pct(p.actual)}
              </text>
            </g>
          ))}
        {milestones.map((m) => (
          <g key={m.year}>
            <circle cx={x(m.year)} cy={y(m.share)} r={4} fill="#c8102e" stroke="#fff" />
            <text
              x={x(m.year) - 7}
              y={y(m.share) + 4}
              textAnchor="end"
              fontSize={11}
              fill="#9f1239"
            >
              {`${pct(m.share, 0)} · ${m.year}`}
            </text>
          </g>
        ))}
        {/* Each year's figures on hover, for pointer users; the table below is for everyone. */}
        {series.map((p) => (
          <rect
            key={p.year}
            x={x(p.year) - (W - M.left - M.right) / span / 2}
            y={M.top}
            width={(W - M.left - M.right) / span}
            height={H - M.top - M.bottom}
            fill="transparent"
          >
            <title>
              {`${p.year}: ${t('chartActual')} ${pct(p.actual)} · ${t('chartTarget')} ${pct(p.target)} · ${t('chartForecast')} ${pct(p.forecast)}`}
            </title>
          </rect>
        ))}
      </ChartCanvas>
      <ChartTable
        label={t('showTable')}
        caption={title}
        rows={series}
        rowKey={(p) => p.year}
        columns={columnsOf<(typeof series)[number]>()((k) => t(k), {
          yearCol: { rowHeader: true, className: 'font-normal', cell: (p) => p.year },
          chartActual: { className: 'tabular-nums', cell: (p) => pct(p.actual) },
          chartTarget: { className: 'tabular-nums', cell: (p) => pct(p.target) },
          chartForecast: { className: 'tabular-nums', cell: (p) => pct(p.forecast) },
        })}
      />
    </ChartFigure>
  );
}
