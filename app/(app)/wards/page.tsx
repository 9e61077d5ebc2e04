import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { listWards } from '@/lib/data/units/wards';
import { unitPath } from '@/lib/domain/units';
import { formatDate } from '@/lib/i18n/format';
import { can } from '@/lib/domain/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { Field } from '@/components/ui/form';
import { StatusBadge } from '@/components/assessments/status-badge';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { readQuery, searchTermSchema } from '@/lib/validations/page-query';
import { QueryNotice } from '@/components/ui/query-notice';
import { criteriaOfYear, listWardsInReach } from '@/lib/data/units/ward-list';
import { listProvinceOptions } from '@/lib/data/units/provinces';
import { parseDashboardQuery } from '@/lib/validations/dashboard';
import { asksForWardList, readWardListQuery, wardListState } from '@/lib/validations/ward-list';
import type { RawQuery } from '@/lib/validations/page-query';
import { WardList } from '@/components/units/ward-list';
import { DashboardControls } from '@/components/dashboard/dashboard-controls';
import { DashboardQueryNotice } from '@/components/dashboard/figure-labels';

export const generateMetadata = titled('wards');

export default async function WardsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('ward.view');
  const raw = await searchParams;
  // A drill-through's address (a criterion, a standing, a province): the filtered ward list.
  if (asksForWardList(raw) && can(user, 'dashboard.view')) return <FilteredWards raw={raw} />;
  const { query, invalid } = readQuery(raw, { q: searchTermSchema });
  const q = query.q ?? '';
  const [t, locale, wards] = await Promise.all([
    getTranslations('wards'),
    getLocale(),
    listWards(user, q),
  ]);
  return (
    <>
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={
          can(user, 'assessment.register') ? (
            <Link href="/assessments" className={buttonClass()}>
              {t('registration')}
            </Link>
          ) : null
        }
      />
      <QueryNotice invalid={invalid} />
      <FilterBar values={{ q }} label={t('title')} submitLabel={t('searchButton')}>
        <Field name="q" type="search" label={t('search')} />
      </FilterBar>
      <DataTable
        caption={t('title')}
        rows={wards}
        rowKey={(w) => `${w.code}/${w.validTo?.toISOString() ?? ''}`}
        empty={t('none')}
        columns={columnsOf<(typeof wards)[number]>()(t, {
          ward: {
            rowHeader: true,
            cell: (w) => (
              <>
                <Link href={unitPath(w)} className="text-brand-700 hover:underline">
                  {w.fullName}
                </Link>{' '}
                {w.validTo ? (
                  <Badge tone="warning">
                    {t('formerUntil', { date: formatDate(w.validTo, locale) })}
                  </Badge>
                ) : null}
                {w.became.length > 0 ? (
                  <span className="block text-xs font-normal text-slate-600">
                    {t('became', {
                      list: w.became
                        .map((b) =>
                          b.isDesignated ? b.fullName : `${b.fullName} (${t('partOnly')})`,
                        )
                        .join(', '),
                    })}
                  </span>
                ) : null}
              </>
            ),
          },
          province: (w) => `${w.districtName ? `${w.districtName}, ` : ''}${w.province.name}`,
          latest: (w) =>
            w.latest ? (
              <span className="flex flex-wrap items-center gap-2">
                {w.latest.year} · {w.latest.metCount}/{w.latest.totalCriteria}{' '}
                <StatusBadge status={w.latest.status} />
              </span>
            ) : (
              '—'
            ),
        })}
      />
    </>
  );
}

async function FilteredWards({ raw }: { raw: RawQuery }) {
  const user = await requirePermission('dashboard.view');
  const view = parseDashboardQuery(raw, new Date().getFullYear());
  const list = readWardListQuery(raw);
  const state = wardListState(view, list.query);
  const [t, locale, rows, criteria, provinces] = await Promise.all([
    getTranslations('wardList'),
    getLocale(),
    listWardsInReach(user, { ...state, lineage: view.lineage, provinceCode: state.province }),
    criteriaOfYear(view.year),
    listProvinceOptions(user),
  ]);
  return (
    <>
      <PageHeader title={`${t('title')} · ${view.year}`} intro={t('intro')} />
      <DashboardQueryNotice query={view} />
      <QueryNotice invalid={list.invalid} />
      <DashboardControls
        year={view.year}
        official={view.official}
        lineage={view.lineage}
        keep={{
          province: state.province,
          category: state.category,
          criterion: state.criterion,
          sort: list.query.sort,
          dir: list.query.dir,
        }}
      />
      <h2 id="ward-list" className="sr-only">
        {t('caption')}
      </h2>
      <WardList
        rows={rows}
        state={state}
        path="/wards"
        headingId="ward-list"
        criteria={criteria.map((c) => ({
          number: c.number,
          title: locale === 'en' ? c.titleEn : c.title,
        }))}
        provinces={provinces.length > 1 ? provinces : undefined}
      />
    </>
  );
}
