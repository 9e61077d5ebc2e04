import { useLocale, useTranslations } from 'next-intl';
import { formatPercent } from '@/lib/i18n/format';
import { columnsOf } from '@/components/ui/data-table';
import { ChartCanvas, ChartFigure, ChartTable } from './chart-frame';

export interface CriterionBar {
  number: number;
  title: string;
  met: number;
  assessed: number;
  share: number;
}

const W = 800;
const ROW = 26;
const M = { top: 8, right: 56, bottom: 26, left: 270 };

/**
 * Each criterion's share of registered wards meeting it, most-missed first: bars drawn on the
 * server as SVG (a viewBox fits any width and prints), each with its full title on hover; a
 * table follows.
 */
export function CriteriaChart({
  rows,
  title,
  barLink,
  children,
}: {
  rows: CriterionBar[];
  title: string;
  /**
   * A drill-through: each bar with wards not meeting it opens the ward list of those wards; the
   * link is named by the bar's title with `label` after it.
   */
  barLink?: (row: CriterionBar) => { href: string; label: string };
  children?: React.ReactNode;
}) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const H = M.top + rows.length * ROW + M.bottom;
  const x = (share: number) => M.left + share * (W - M.left - M.right);
  const short = (text: string) => (text.length > 36 ? `${text.slice(0, 35)}…` : text);
  return (
    <ChartFigure id="criteria-chart" title={title} actions={children}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('criteriaEmpty')}</p>
      ) : (
        <>
          <ChartCanvas
            name="criteria"
            title={title}
            width={W}
            height={H}
            interactive={barLink !== undefined}
          >
            {[0, 0.25, 0.5, 0.75, 1].map((v) => (
              <g key={v} aria-hidden="true">
                <line
                  x1={x(v)}
                  x2={x(v)}
                  y1={M.top}
                  y2={H - M.bottom}
                  stroke="#e2e8f0"
                  strokeDasharray={v === 0 ? undefined : '3 3'}
                />
                <text x={x(v)} y={H - 8} textAnchor="middle" fill="#475569">
                  {formatPercent(v, locale, 0)}
                </text>
              </g>
            ))}
            {rows.map((r, i) => {
              const top = M.top + i * ROW;
              const link = r.assessed > r.met ? barLink?.(r) : undefined;
              const bar = (
                <>
                  <title>
                    {`${r.number}. ${r.title}: ${formatPercent(r.share, locale)} (${t('metOf', { met: r.met, assessed: r.assessed })})${link ? ` · ${link.label}` : ''}`}
                  </title>
                  <text
                    x={M.left - 8}
                    y={top + ROW / 2 + 4}
                    textAnchor="end"
                    fontSize={11}
                    fill="#475569"
                  >
                    {`${r.number}. ${short(r.title)}`}
                  </text>
                  <rect
                    x={M.left}
                    y={top + 4}
                    width={Math.max(0, x(r.share) - M.left)}
                    height={ROW - 8}
                    fill="#1e40af"
                  />
                  <text x={x(r.share) + 5} y={top + ROW / 2 + 4} fontSize={11} fill="#1e3a8a">
                    {formatPercent(r.share, locale)}
                  </text>
                </>
              );
              return link ? (
                <a
                  key={r.number}
                  href={link.href}
                  data-drill="criterion"
                  className="[&:focus_rect]:fill-brand-900 [&:hover_rect]:fill-brand-900"
                >
                  {bar}
                </a>
              ) : (
                <g key={r.number}>{bar}</g>
              );
            })}
          </ChartCanvas>
          {barLink ? (
            <p className="mt-1 text-xs text-slate-600 print:hidden">{t('barHint')}</p>
          ) : null}
          <ChartTable
            label={t('showTable')}
            caption={title}
            rows={rows}
            rowKey={(r) => r.number}
            columns={columnsOf<(typeof rows)[number]>()((k) => t(k), {
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
