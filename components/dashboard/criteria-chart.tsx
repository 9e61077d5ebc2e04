'use client';

import { useLocale, useTranslations } from 'next-intl';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { YAxisTickContentProps } from 'recharts/types/util/types';
import { formatPercent, formatPercentLabel } from '@/lib/format';
import { columnsOf } from '@/components/ui/data-table';
import { ChartFigure, ChartTable } from './chart-frame';

export interface CriterionBar {
  number: number;
  title: string;
  met: number;
  assessed: number;
  share: number;
}

/** Each criterion's share of registered wards meeting it, most-missed first; with a table. */
export function CriteriaChart({
  rows,
  title,
  children,
}: {
  rows: CriterionBar[];
  title: string;
  children?: React.ReactNode;
}) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  return (
    <ChartFigure id="criteria-chart" title={title} actions={children}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('criteriaEmpty')}</p>
      ) : (
        <>
          <div
            style={{ height: Math.max(200, rows.length * 26 + 40) }}
            role="img"
            aria-label={title}
            data-chart="criteria"
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={rows}
                layout="vertical"
                margin={{ top: 4, right: 40, bottom: 4, left: 8 }}
              >
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
                <XAxis
                  type="number"
                  domain={[0, 1]}
                  tickFormatter={(v: number) => formatPercent(v, locale, 0)}
                  tick={{ fontSize: 12 }}
                />
                <YAxis
                  type="category"
                  dataKey="number"
                  width={210}
                  interval={0}
                  // One line per criterion: its number and the start of its title.
                  tick={(props: YAxisTickContentProps) => {
                    const { x, y, payload } = props;
                    const title = rows.find((r) => r.number === Number(payload.value))?.title ?? '';
                    const label = `${payload.value}. ${title.length > 26 ? `${title.slice(0, 25)}…` : title}`;
                    return (
                      <text x={x} y={y} dy={4} textAnchor="end" fontSize={11} fill="#475569">
                        {label}
                      </text>
                    );
                  }}
                />
                <Tooltip
                  formatter={(v) => formatPercent(typeof v === 'number' ? v : 0, locale)}
                  labelFormatter={(n) => rows.find((r) => r.number === n)?.title ?? String(n)}
                />
                <Bar dataKey="share" name={t('metShare')} fill="#1e40af" isAnimationActive={false}>
                  <LabelList
                    dataKey="share"
                    position="right"
                    fontSize={11}
                    fill="#1e3a8a"
                    formatter={(v: unknown) => formatPercentLabel(v, locale)}
                  />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ChartTable
            label={t('showTable')}
            caption={title}
            rows={rows}
            rowKey={(r) => r.number}
            columns={columnsOf<(typeof rows)[number]>((k) => t(k), {
              criterion: {
                rowHeader: true,
                className: 'font-normal',
                cell: (r) => `${r.number}. ${r.title}`,
              },
              metShare: {
                className: 'tabular-nums',
                cell: (r) =>
                  `${formatPercent(r.share, locale)} (${t('metOf', { met: r.met, assessed: r.assessed })})`,
              },
            })}
          />
        </>
      )}
    </ChartFigure>
  );
}
