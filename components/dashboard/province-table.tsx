'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import type { MilestoneResult, ProgressStatus } from '@/lib/domain/progress';
import { formatNumber, formatPercent } from '@/lib/i18n/format';
import { MilestoneVerdict } from './milestone-verdict';
import { ProgressStatusBadge } from './progress-status';

export interface ProvinceTableRow {
  code: string;
  name: string;
  isCurrent: boolean;
  wards: number;
  registered: number;
  counted: number;
  share: number | null;
  targetShare: number | null;
  targetYear: number | null;
  targetOrigin: 'province' | 'national' | null;
  status: ProgressStatus;
  projectedFullYear: number | null;
  /** The latest milestone whose year has come: met, missed or open. */
  verdict: MilestoneResult | null;
  /** Wards one or two criteria short (lib/domain/maps.ts isNearMiss). */
  nearMisses: number;
}

const columns = [
  'name',
  'wards',
  'registered',
  'counted',
  'nearMisses',
  'share',
  'verdict',
  'target',
  'status',
  'projected',
] as const;
type Column = (typeof columns)[number];
const isColumn = (v: string | null): v is Column => columns.some((c) => c === v);
const verdictOrder = ['missed', 'open', 'met'];
const statusOrder: ProgressStatus[] = [
  'deteriorating',
  'off_track',
  'needs_acceleration',
  'not_enough_data',
  'no_target',
  'on_track',
  'achieved',
];

/**
 * The province table: the name stays in view while the figures scroll sideways on a phone, and the
 * verdict comes first — share, milestone due, pace, next target, year of 100% — then the counts.
 */
export function ProvinceTable({
  rows,
  countedLabel,
  query,
  daysLeft,
}: {
  rows: ProvinceTableRow[];
  countedLabel: string;
  query: string;
  daysLeft: number;
}) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  // The order lives in the address (psort, pdir), so a copied link opens the table as it was.
  const params = useSearchParams();
  const asked = params.get('psort');
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>(
    isColumn(asked)
      ? { column: asked, descending: params.get('pdir') !== 'asc' }
      : { column: 'share', descending: true },
  );
  const sortBy = (column: Column) => {
    const next = {
      column,
      descending: sort.column === column ? !sort.descending : column !== 'name',
    };
    setSort(next);
    const url = new URL(window.location.href);
    url.searchParams.set('psort', column);
    url.searchParams.set('pdir', next.descending ? 'desc' : 'asc');
    window.history.replaceState(null, '', url);
  };
  const sorted = useMemo(() => {
    const key = (r: ProvinceTableRow): number | string => {
      switch (sort.column) {
        case 'name':
          return r.name;
        case 'wards':
          return r.wards;
        case 'registered':
          return r.registered;
        case 'counted':
          return r.counted;
        case 'nearMisses':
          return r.nearMisses;
        case 'share':
          return r.share ?? -1;
        case 'verdict':
          return r.verdict ? verdictOrder.indexOf(r.verdict.outcome) : 9;
        case 'target':
          return r.targetShare ?? -1;
        case 'status':
          return statusOrder.indexOf(r.status);
        case 'projected':
          return r.projectedFullYear ?? 9999;
      }
    };
    return [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'vi') : x - (y as number);
      return sort.descending ? -c : c;
    });
  }, [rows, sort]);
  const header = (column: Column, label: string, numeric = false, sticky = false) => (
    <th
      scope="col"
      className={`px-3 py-2 ${numeric ? 'text-right' : ''} ${sticky ? 'sticky left-0 z-10 bg-slate-50' : ''}`}
      aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        className="font-semibold uppercase hover:text-brand-800"
        onClick={() => sortBy(column)}
        aria-label={t('sortBy', { column: label })}
      >
        {label}
        {sort.column === column ? (sort.descending ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-table="provinces">
        <caption className="sr-only">{t('provincesTitle')}</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            {header('name', t('province'), false, true)}
            {header('share', t('metShare'), true)}
            {header('verdict', t('verdictCol'))}
            {header('status', t('statusCol'))}
            {header('target', t('target'), true)}
            {header('projected', t('projected'), true)}
            {header('wards', t('wards'), true)}
            {header('registered', t('registered'), true)}
            {header('counted', countedLabel, true)}
            {header('nearMisses', t('nearCol'), true)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sorted.map((r) => (
            <tr key={`${r.code}-${r.name}`}>
              <th
                scope="row"
                className="sticky left-0 z-10 max-w-[9rem] bg-white px-3 py-2 text-left font-medium sm:max-w-none"
              >
                {r.isCurrent ? (
                  <Link
                    href={`/provinces/${r.code}${query}`}
                    className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700"
                  >
                    {r.name}
                  </Link>
                ) : (
                  <span>{r.name}</span>
                )}
              </th>
              <td className="px-3 py-2 text-right font-semibold tabular-nums">
                {r.share === null ? '—' : formatPercent(r.share, locale)}
              </td>
              <td className="px-3 py-2">
                {r.verdict ? (
                  <MilestoneVerdict result={r.verdict} daysLeft={daysLeft} compact />
                ) : (
                  '—'
                )}
              </td>
              <td className="px-3 py-2" data-col="status">
                <ProgressStatusBadge status={r.status} />
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                {r.targetShare === null
                  ? '—'
                  : `${formatPercent(r.targetShare, locale, 0)} (${r.targetYear})`}
                {r.targetOrigin === 'national' ? (
                  <span className="sr-only"> {t('targetOrigin.national')}</span>
                ) : null}
                {r.targetOrigin === 'national' ? (
                  <span aria-hidden="true" title={t('targetOrigin.national')}>
                    *
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{r.projectedFullYear ?? '—'}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(r.wards, locale)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatNumber(r.registered, locale)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatNumber(r.counted, locale)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatNumber(r.nearMisses, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.some((r) => r.targetOrigin === 'national') ? (
        <p className="px-3 py-2 text-xs text-slate-600">* {t('inheritedFootnote')}</p>
      ) : null}
    </div>
  );
}
