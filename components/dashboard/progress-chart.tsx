'use client';

import { useLocale, useTranslations } from 'next-intl';
import {
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SeriesPoint } from '@/lib/domain/dashboard';
import type { Milestone } from '@/lib/domain/progress';
import { formatPercent, formatPercentLabel } from '@/lib/format';
import { columnsOf } from '@/components/ui/data-table';
import { ChartFigure, ChartTable } from './chart-frame';

/** Share by year: actual (solid), target line, forecast to 2030 (dashed). A table follows for screen readers. */
/** The thin lines under the ward figures: the target path and the forecast from the pace so far. */
const guides = [
  { name: 'chartTarget', dataKey: 'target', stroke: '#c8102e', dash: undefined },
  { name: 'chartForecast', dataKey: 'forecast', stroke: '#1e40af', dash: '6 4' },
] as const;

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
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : formatPercent(v, locale);
  return (
    <ChartFigure id="progress-chart" title={title} actions={children}>
      <div className="h-72" role="img" aria-label={title} data-chart="progress">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={series} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="year" tick={{ fontSize: 12 }} />
            <YAxis
              domain={[0, 1]}
              tickFormatter={(v: number) => formatPercent(v, locale, 0)}
              tick={{ fontSize: 12 }}
              width={48}
            />
            <Tooltip formatter={(v) => pct(typeof v === 'number' ? v : null)} />
            <Legend />
            <Line
              name={t('chartActual')}
              type="monotone"
              dataKey="actual"
              stroke="#1e40af"
              strokeWidth={3}
              dot
              connectNulls
              isAnimationActive={false}
            >
              <LabelList
                dataKey="actual"
                position="top"
                fontSize={11}
                fill="#1e3a8a"
                formatter={(v: unknown) => formatPercentLabel(v, locale)}
              />
            </Line>
            {guides.map((g) => (
              <Line
                key={g.dataKey}
                name={t(g.name)}
                type="linear"
                dataKey={g.dataKey}
                stroke={g.stroke}
                strokeDasharray={g.dash}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
            {milestones.map((m) => (
              <ReferenceDot
                key={m.year}
                x={m.year}
                y={m.share}
                r={4}
                fill="#c8102e"
                stroke="#fff"
                label={{
                  value: `${formatPercent(m.share, locale, 0)} · ${m.year}`,
                  position: 'left',
                  fontSize: 11,
                  fill: '#9f1239',
                }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartTable
        label={t('showTable')}
        caption={title}
        rows={series}
        rowKey={(p) => p.year}
        columns={columnsOf<(typeof series)[number]>((k) => t(k), {
          yearCol: { rowHeader: true, className: 'font-normal', cell: (p) => p.year },
          chartActual: { className: 'tabular-nums', cell: (p) => pct(p.actual) },
          chartTarget: { className: 'tabular-nums', cell: (p) => pct(p.target) },
          chartForecast: { className: 'tabular-nums', cell: (p) => pct(p.forecast) },
        })}
      />
    </ChartFigure>
  );
}
