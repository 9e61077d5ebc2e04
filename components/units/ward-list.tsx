import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ListedWard } from '@/lib/data/units/ward-list';
import type { WardListState } from '@/lib/validations/ward-list';
import { wardCategories } from '@/lib/domain/maps';
import { unitPath } from '@/lib/domain/units';
import { pageOf, wardSorts } from '@/lib/domain/ward-list';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import { Badge } from '@/components/ui/badge';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { ChoiceField } from '@/components/ui/form';
import { ProvinceField, type ProvinceOption } from '@/components/ui/options';
import { Pager, withQuery } from '@/components/ui/pager';
import { OriginBadge } from '@/components/assessments/origin-badge';
import { resultSummary, StatusBadge } from '@/components/assessments/status-badge';

/** The list's address as it stands: the view (year, basis, units) and the list's own state. */
/**
 * The ward list every drill-through lands on (a criterion bar, a map legend entry, the near
 * misses): filters by map category, criterion not met and (nationally) province, sorted by a
 * column, paged, all in the URL, so "copy link" hands the same view on. Rows come filtered and
 * sorted from lib/data/units/ward-list.ts.
 */
export async function WardList({
  rows,
  state,
  path,
  anchor = '',
  criteria,
  provinces,
  headingId,
}: {
  rows: ListedWard[];
  state: WardListState;
  /** The page the list lives on: the province page, or /wards. */
  path: string;
  /** The list's heading id, so a filter or page change lands at the list, not the page top. */
  anchor?: string;
  criteria: { number: number; title: string }[];
  /** Today's provinces the user may pick (nationally); none on a province page. */
  provinces?: readonly ProvinceOption[];
  headingId: string;
}) {
  const [t, tMaps, tSheet, locale] = await Promise.all([
    getTranslations('wardList'),
    getTranslations('maps'),
    getTranslations('sheet'),
    getLocale(),
  ]);
  const query: Record<string, string | number | undefined> = {
    year: state.year,
    basis: state.basis,
    units: state.units,
    province: provinces ? state.province : undefined,
    category: state.category,
    criterion: state.criterion,
    sort: state.sort === 'ward' && state.dir === 'asc' ? undefined : state.sort,
    dir: state.sort === 'ward' && state.dir === 'asc' ? undefined : state.dir,
  };
  const href = (change: Record<string, string | number | undefined>) =>
    `${withQuery(path, query, change)}${anchor}`;
  const shown = pageOf(rows, state.page);
  const filtered = state.category !== undefined || state.criterion !== undefined;
  const criterionTitle = criteria.find((c) => c.number === state.criterion)?.title;
  return (
    <div data-ward-list>
      <FilterBar
        label={t('filters')}
        submitLabel={t('apply')}
        values={{
          province: state.province,
          category: state.category,
          criterion: state.criterion,
        }}
        className="print:hidden"
      >
        {(['year', 'basis', 'units', 'sort', 'dir'] as const).map((k) =>
          query[k] === undefined ? null : (
            <input key={k} type="hidden" name={k} value={String(query[k])} />
          ),
        )}
        {provinces ? (
          <ProvinceField
            id={`${headingId}-province`}
            label={t('province')}
            provinces={provinces}
            empty={t('allProvinces')}
          />
        ) : null}
        <ChoiceField
          id={`${headingId}-category`}
          name="category"
          label={t('category')}
          empty={t('allCategories')}
          choices={wardCategories
            .filter((c) => c !== 'notWard')
            .map((c) => ({ value: c, label: tMaps(`ward.${c}`) }))}
        />
        <ChoiceField
          id={`${headingId}-criterion`}
          name="criterion"
          label={t('criterion')}
          empty={t('anyCriterion')}
          className="max-w-[18rem]"
          choices={criteria.map((c) => ({ value: c.number, label: `${c.number}. ${c.title}` }))}
        />
      </FilterBar>
      <p
        className="mb-2 flex flex-wrap items-center gap-3 text-sm text-slate-700"
        aria-live="polite"
      >
        <span data-ward-count={rows.length}>
          {filtered
            ? t('countFiltered', { count: rows.length, shown: formatNumber(rows.length, locale) })
            : t('count', { count: rows.length, shown: formatNumber(rows.length, locale) })}
          {state.category ? ` · ${tMaps(`ward.${state.category}`)}` : ''}
          {state.criterion !== undefined
            ? ` · ${t('notMeeting', { number: state.criterion, title: criterionTitle ?? '' })}`
            : ''}
        </span>
        {filtered ? (
          <Link
            href={href({ category: undefined, criterion: undefined, page: undefined })}
            className="text-brand-700 underline print:hidden"
          >
            {t('clear')}
          </Link>
        ) : null}
      </p>
      <DataTable
        name="wards"
        caption={t('caption')}
        rows={shown.rows}
        rowKey={(w) => `${w.code}/${w.validTo?.toISOString() ?? ''}`}
        empty={filtered ? t('noneFiltered') : t('none')}
        sort={{
          key: state.sort,
          dir: state.dir,
          keys: wardSorts,
          href: (key, dir) => href({ sort: key, dir, page: undefined }),
        }}
        columns={columnsOf<ListedWard>()((k) => t(`col.${k}`), {
          ward: {
            rowHeader: true,
            cell: (w) => (
              <>
                <Link
                  href={unitPath({ code: w.code, validTo: w.validTo })}
                  className="text-brand-700 hover:underline"
                >
                  {w.fullName}
                </Link>{' '}
                {w.isDemo ? <OriginBadge origin="DEMO" /> : null}
              </>
            ),
          },
          province: provinces ? (w) => w.provinceName : false,
          met: {
            align: 'right',
            className: 'tabular-nums',
            cell: (w) => (w.status ? `${w.met}/${w.total}` : '—'),
          },
          state: {
            className: 'min-w-[14rem] text-xs text-slate-600',
            cell: (w) => (w.status ? resultSummary(tSheet, w) : ''),
          },
          status: (w) => (
            <>
              {w.status ? (
                <Link
                  href={unitPath(w.dossierUnit ?? { code: w.code, validTo: w.validTo }, state.year)}
                >
                  <StatusBadge status={w.status} />
                </Link>
              ) : (
                <span className="text-slate-500">{t('notRegistered')}</span>
              )}
              {w.fromUnits.length > 0 ? (
                <span className="block text-xs text-slate-600">
                  {t('dossierOf', { list: w.fromUnits.map((u) => u.fullName).join(', ') })}
                </span>
              ) : null}
            </>
          ),
          recognition: (w) =>
            w.recognisedSince !== null ? (
              <>
                <Badge tone="success">{t('recognisedSince', { year: w.recognisedSince })}</Badge>
                {w.recognisedVia ? (
                  <span className="block text-xs text-slate-600">
                    {t('recognisedVia', { name: w.recognisedVia })}
                  </span>
                ) : null}
              </>
            ) : (
              <span className="text-slate-500">—</span>
            ),
          lastChange: {
            className: 'text-slate-600',
            cell: (w) => (w.statusChangedAt ? formatDateTime(w.statusChangedAt, locale) : ''),
          },
        })}
      />
      <Pager page={shown.page} pages={shown.pages} href={(page) => href({ page })} />
    </div>
  );
}
