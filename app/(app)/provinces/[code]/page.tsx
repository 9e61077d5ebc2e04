import type { Metadata } from 'next';
import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission, type CurrentUser } from '@/lib/auth/current-user';
import { getYearCalendar } from '@/lib/data/programme/calendar';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { listProvinceWardsFor } from '@/lib/data/units/ward-tables';
import { formatDateTime } from '@/lib/i18n/format';
import { parseDashboardQuery } from '@/lib/validations/dashboard';
import { provinceSortParams } from '@/lib/domain/province-order';
import { provinceSortHref } from '@/components/dashboard/province-table';
import { PageHeader } from '@/components/ui/page-header';
import { DashboardControls } from '@/components/dashboard/dashboard-controls';
import { CalendarStrip } from '@/components/calendar/calendar-strip';
import { ProvinceMap } from '@/components/maps/progress-maps';
import { DashboardBody } from '@/components/dashboard/dashboard-body';
import { VerdictPanel } from '@/components/dashboard/verdict-panel';
import { NEAR_SHOWN } from '@/lib/domain/dashboard';
import { DashboardQueryNotice } from '@/components/dashboard/figure-labels';
import { TableHeading } from '@/components/dashboard/chart-downloads';
import { type SearchParams } from '@/lib/i18n/page';
import { PROVINCE_CODE } from '@/lib/validations/units';
import { getCurrentProvince, type ProvinceInfo } from '@/lib/data/units/provinces';
import { listWardsInReach } from '@/lib/data/units/ward-list';
import { readWardListQuery, wardListState } from '@/lib/validations/ward-list';
import { WardList } from '@/components/units/ward-list';
import { QueryNotice } from '@/components/ui/query-notice';
import { withQuery } from '@/components/ui/pager';
import { withClientMessages } from '@/components/layout/client-messages';
import { DashboardSkeleton } from '@/components/dashboard/dashboard-skeleton';

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await params).code };
}

async function ProvincePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const user = await requirePermission('province.view');
  const { code } = await params;
  if (!PROVINCE_CODE.test(code)) notFound();
  const province = await getCurrentProvince(user, code);
  if (!province) notFound();
  const [raw, t] = await Promise.all([searchParams, getTranslations('dashboard')]);
  return (
    <>
      <PageHeader title={province.fullName} intro={t('intro')} />
      <Suspense fallback={<DashboardSkeleton />}>
        <ProvinceFigures user={user} province={province} raw={raw} />
      </Suspense>
    </>
  );
}

async function ProvinceFigures({
  user,
  province,
  raw,
}: {
  user: CurrentUser;
  province: ProvinceInfo;
  raw: Awaited<SearchParams>;
}) {
  const query = parseDashboardQuery(raw, new Date().getFullYear());
  const list = readWardListQuery(raw);
  // The page is its own province: a province in the address is not the list's.
  const listState = { ...wardListState(query, list.query), province: undefined };
  const [view, wards, listed, t, locale, deadlines] = await Promise.all([
    getDashboard(user, {
      provinceId: province.id,
      year: query.year,
      official: query.official,
      lineage: query.lineage,
      nearMissLimit: NEAR_SHOWN,
    }),
    listProvinceWardsFor(province.id, { year: query.year, lineage: query.lineage }),
    listWardsInReach(user, { ...listState, lineage: query.lineage, provinceCode: province.code }),
    getTranslations('dashboard'),
    getLocale(),
    getYearCalendar(query.year).then((c) => c.dates),
  ]);
  if (!view) notFound();
  const viewQuery = { year: listState.year, basis: listState.basis, units: listState.units };
  const exportQuery = `province=${province.code}&year=${query.year}&basis=${query.official ? 'official' : 'provisional'}&units=${query.lineage ? 'today' : 'recorded'}`;
  return (
    <>
      <DashboardQueryNotice query={query} />
      <QueryNotice invalid={list.invalid} />
      <VerdictPanel view={view} scopeLabel={province.fullName} />
      <DashboardControls
        year={query.year}
        official={query.official}
        lineage={query.lineage}
        keep={{
          category: listState.category,
          criterion: listState.criterion,
          sort: list.query.sort,
          dir: list.query.dir,
          ...provinceSortParams(query.provinceSort),
        }}
      />
      <CalendarStrip year={query.year} deadlines={deadlines} />
      <DashboardBody
        view={view}
        query=""
        showProvinces={view.model.provinces.length > 1}
        exportQuery={exportQuery}
        scopeLabel={province.fullName}
        listPath={`/provinces/${province.code}#wards-title`}
        provinceSort={{
          sort: query.provinceSort,
          href: provinceSortHref(`/provinces/${province.code}`, raw),
        }}
      />
      <div className="below-fold mt-8">
        <ProvinceMap
          provinceCode={province.code}
          year={query.year}
          wards={wards}
          fileName={`kieu-mau-${province.code}-${query.year}-ban-do`}
          listHref={(category) =>
            `${withQuery(`/provinces/${province.code}`, { ...viewQuery }, { category })}#wards-title`
          }
          stamp={{
            scope: province.fullName,
            dataDate: t('dataDate', { date: formatDateTime(view.dataDate, locale) }),
            stamp: query.official ? t('stampOfficial') : t('stampProvisional'),
            official: query.official,
          }}
        />
      </div>
      <section aria-labelledby="wards-title" className="below-fold mt-8">
        <TableHeading id="wards-title" table="wards" query={exportQuery}>
          {t('wardsTitle')} · {query.year}
        </TableHeading>
        <WardList
          rows={listed}
          state={listState}
          path={`/provinces/${province.code}`}
          anchor="#wards-title"
          headingId="wards-title"
          criteria={view.criteria.map((c) => ({
            number: c.number,
            title: locale === 'en' ? c.titleEn : c.title,
          }))}
        />
      </section>
    </>
  );
}

export default withClientMessages(ProvincePage, ['exports']);
