import { Suspense } from 'react';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePermission, type CurrentUser } from '@/lib/auth/current-user';
import { getYearCalendar } from '@/lib/data/programme/calendar';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { reachOf } from '@/lib/domain/permissions';
import { parseDashboardQuery } from '@/lib/validations/dashboard';
import { PageHeader } from '@/components/ui/page-header';
import { DashboardControls } from '@/components/dashboard/dashboard-controls';
import { DashboardBody } from '@/components/dashboard/dashboard-body';
import { provinceSortHref } from '@/components/dashboard/province-table';
import { VerdictPanel } from '@/components/dashboard/verdict-panel';
import { NEAR_SHOWN } from '@/lib/domain/dashboard';
import { provinceSortParams } from '@/lib/domain/province-order';
import { DashboardQueryNotice } from '@/components/dashboard/figure-labels';
import { CalendarStrip } from '@/components/calendar/calendar-strip';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { withClientMessages } from '@/components/layout/client-messages';
import { DashboardSkeleton } from '@/components/dashboard/dashboard-skeleton';

export const generateMetadata = titled('dashboard');

/**
 * Who may see the page, and where a province-bound user goes instead, are settled before the page
 * starts streaming, so they answer with a real status (a redirect, a 404) rather than a 200 whose
 * body redirects or says "not found" later. Only the figures stream, behind the skeleton.
 */
async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('dashboard.view');
  const params = await searchParams;
  // Province-bound users land on their own province.
  if (reachOf(user) !== 'all')
    redirect(
      `/provinces/${user.provinceCode}?${new URLSearchParams(params as Record<string, string>)}`,
    );
  const t = await getTranslations('dashboard');
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Suspense fallback={<DashboardSkeleton />}>
        <DashboardFigures user={user} params={params} />
      </Suspense>
    </>
  );
}

async function DashboardFigures({
  user,
  params,
}: {
  user: CurrentUser;
  params: Awaited<SearchParams>;
}) {
  const query = parseDashboardQuery(params, new Date().getFullYear());
  const [view, deadlines, t] = await Promise.all([
    getDashboard(user, {
      provinceId: null,
      year: query.year,
      official: query.official,
      lineage: query.lineage,
      nearMissLimit: NEAR_SHOWN,
    }),
    getYearCalendar(query.year).then((c) => c.dates),
    getTranslations('dashboard'),
  ]);
  if (!view) notFound();
  const qs = `?year=${query.year}&basis=${query.official ? 'official' : 'provisional'}&units=${query.lineage ? 'today' : 'recorded'}`;
  return (
    <>
      <DashboardQueryNotice query={query} />
      <VerdictPanel view={view} scopeLabel={t('title')} />
      <DashboardControls
        year={query.year}
        official={query.official}
        lineage={query.lineage}
        keep={provinceSortParams(query.provinceSort)}
      />
      <CalendarStrip year={query.year} deadlines={deadlines} />
      <DashboardBody
        view={view}
        query={qs}
        showProvinces
        exportQuery={qs.slice(1)}
        scopeLabel={t('title')}
        listPath="/wards"
        provinceSort={{
          sort: query.provinceSort,
          href: provinceSortHref('/dashboard', params),
        }}
      />
    </>
  );
}

export default withClientMessages(DashboardPage, ['exports']);
