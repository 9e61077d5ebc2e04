import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ProvinceSort, ProvinceTableRow } from '@/lib/domain/province-order';
import { sortProvinceRows } from '@/lib/domain/province-order';
import { formatPercent } from '@/lib/i18n/format';
import { columnsOf, DataTable, figures } from '@/components/ui/data-table';
import { withQuery } from '@/components/ui/pager';
import { MilestoneVerdict } from './milestone-verdict';
import { ProgressStatusBadge } from './progress-status';

/**
 * The province table: the name stays in view while the figures scroll sideways on a phone, and the
 * verdict comes first — share, milestone due, pace, next target, year of 100% — then the counts.
 * Drawn on the server; its order is in the address (`psort`, `pdir`, links on the headers), so a
 * copied link opens it as it was and sorting works without JavaScript.
 */
export async function ProvinceTable({
  rows,
  countedLabel,
  query,
  daysLeft,
  sort,
  sortHref,
}: {
  rows: ProvinceTableRow[];
  countedLabel: string;
  /** The view's query string ("?year=…"), kept on the links to each province. */
  query: string;
  daysLeft: number;
  sort: ProvinceSort;
  /** The address of this view sorted by a column in a direction. */
  sortHref: (column: string, dir: 'asc' | 'desc') => string;
}) {
  const [t, locale] = await Promise.all([getTranslations('dashboard'), getLocale()]);
  const labels: Record<string, string> = {
    name: t('province'),
    share: t('metShare'),
    verdict: t('verdictCol'),
    status: t('statusCol'),
    target: t('target'),
    projected: t('projected'),
    wards: t('wards'),
    registered: t('registered'),
    counted: countedLabel,
    nearMisses: t('nearCol'),
  };
  const columns = columnsOf<ProvinceTableRow>()((key) => labels[key], {
    name: {
      rowHeader: true,
      cell: (r) =>
        r.isCurrent ? <Link href={`/provinces/${r.code}${query}`}>{r.name}</Link> : r.name,
    },
    share: {
      align: 'right',
      className: 'font-semibold tabular-nums',
      cell: (r) => (r.share === null ? '—' : formatPercent(r.share, locale)),
    },
    // A badge on one line: a row as tall as its name.
    verdict: {
      className: 'whitespace-nowrap',
      cell: (r) =>
        r.verdict ? <MilestoneVerdict result={r.verdict} daysLeft={daysLeft} compact /> : '—',
    },
    status: {
      className: 'whitespace-nowrap',
      cell: (r) => (
        <span data-col="status">
          <ProgressStatusBadge status={r.status} />
        </span>
      ),
    },
    target: {
      align: 'right',
      className: 'whitespace-nowrap tabular-nums',
      cell: (r) =>
        r.targetShare === null ? (
          '—'
        ) : (
          <>
            {`${formatPercent(r.targetShare, locale, 0)} (${r.targetYear})`}
            {r.targetOrigin === 'national' ? (
              <>
                <span className="sr-only"> {t('targetOrigin.national')}</span>
                <span aria-hidden="true" title={t('targetOrigin.national')}>
                  *
                </span>
              </>
            ) : null}
          </>
        ),
    },
    projected: {
      align: 'right',
      className: 'tabular-nums',
      cell: (r) => r.projectedFullYear ?? '—',
    },
    wards: figures((r) => r.wards, locale),
    registered: figures((r) => r.registered, locale),
    counted: figures((r) => r.counted, locale),
    nearMisses: figures((r) => r.nearMisses, locale),
  });
  return (
    <>
      <DataTable
        caption={t('provincesTitle')}
        name="provinces"
        columns={columns}
        rows={sortProvinceRows(rows, sort)}
        rowKey={(r) => `${r.code}-${r.name}`}
        empty="—"
        sort={{
          key: sort.column,
          dir: sort.dir,
          href: sortHref,
          keys: columns.map((c) => c.key),
        }}
      />
      {rows.some((r) => r.targetOrigin === 'national') ? (
        <p className="px-3 py-2 text-xs text-slate-600">* {t('inheritedFootnote')}</p>
      ) : null}
    </>
  );
}

/** The links on the table's headers: this page's address with the order changed, at the table. */
export function provinceSortHref(
  path: string,
  params: Record<string, string | string[] | undefined>,
): (column: string, dir: 'asc' | 'desc') => string {
  const kept = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  return (column, dir) => `${withQuery(path, kept, { psort: column, pdir: dir })}#provinces-title`;
}
