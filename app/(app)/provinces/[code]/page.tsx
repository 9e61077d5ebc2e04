import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { getYearCalendar } from '@/lib/data/programme/calendar';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { listProvinceWardsFor } from '@/lib/data/units/ward-tables';
import { formatDateTime } from '@/lib/i18n/format';
import { unitPath } from '@/lib/domain/units';
import { parseDashboardQuery } from '@/lib/validations/dashboard';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { DashboardControls } from '@/components/dashboard/dashboard-controls';
import { CalendarStrip } from '@/components/calendar/calendar-strip';
import { ProvinceMap } from '@/components/maps/progress-maps';
import { DashboardBody } from '@/components/dashboard/dashboard-body';
import { VerdictPanel } from '@/components/dashboard/verdict-panel';
import { NEAR_SHOWN } from '@/lib/domain/dashboard';
import { DashboardQueryNotice } from '@/components/dashboard/figure-labels';
import { TableHeading } from '@/components/dashboard/chart-downloads';
import { OriginBadge } from '@/components/assessments/origin-badge';
import { resultSummary, StatusBadge } from '@/components/assessments/status-badge';
import { type SearchParams } from '@/lib/i18n/page';
import { PROVINCE_CODE } from '@/lib/validations/units';
import { getCurrentProvince } from '@/lib/data/units/provinces';

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await params).code };
}

export default async function ProvincePage({
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
  const query = parseDashboardQuery(await searchParams, new Date().getFullYear());
  const [view, wards, t, tSheet, locale, deadlines] = await Promise.all([
    getDashboard(user, {
      provinceId: province.id,
      year: query.year,
      official: query.official,
      lineage: query.lineage,
      nearMissLimit: NEAR_SHOWN,
    }),
    listProvinceWardsFor(province.id, { year: query.year, lineage: query.lineage }),
    getTranslations('dashboard'),
    getTranslations('sheet'),
    getLocale(),
    getYearCalendar(query.year).then((c) => c.dates),
  ]);
  if (!view) notFound();
  const exportQuery = `province=${province.code}&year=${query.year}&basis=${query.official ? 'official' : 'provisional'}&units=${query.lineage ? 'today' : 'recorded'}`;
  const headers = {
    ward: t('wardCol'),
    met: t('criteriaMet'),
    state: tSheet('state'),
    status: t('statusCol'),
    recognition: t('recognitionCol'),
    lastChange: t('lastChange'),
  };
  return (
    <>
      <PageHeader title={province.fullName} intro={t('intro')} />
      <DashboardQueryNotice query={query} />
      <VerdictPanel view={view} scopeLabel={province.fullName} />
      <DashboardControls year={query.year} official={query.official} lineage={query.lineage} />
      <CalendarStrip year={query.year} deadlines={deadlines} />
      <DashboardBody
        view={view}
        query=""
        showProvinces={view.model.provinces.length > 1}
        exportQuery={exportQuery}
        scopeLabel={province.fullName}
      />
      <div className="mt-8">
        <ProvinceMap
          provinceCode={province.code}
          year={query.year}
          wards={wards}
          fileName={`kieu-mau-${province.code}-${query.year}-ban-do`}
          stamp={{
            scope: province.fullName,
            dataDate: t('dataDate', { date: formatDateTime(view.dataDate, locale) }),
            stamp: query.official ? t('stampOfficial') : t('stampProvisional'),
            official: query.official,
          }}
        />
      </div>
      <section aria-labelledby="wards-title" className="mt-8">
        <TableHeading id="wards-title" table="wards" query={exportQuery}>
          {t('wardsTitle')} · {query.year}
        </TableHeading>
        <DataTable
          name="wards"
          caption={t('wardsTitle')}
          rows={wards}
          rowKey={(w) => w.code}
          empty={t('noWards')}
          columns={columnsOf<(typeof wards)[number]>()((k) => headers[k as keyof typeof headers], {
            ward: {
              rowHeader: true,
              cell: (w) => (
                <>
                  <Link href={`/wards/${w.code}`} className="text-brand-700 hover:underline">
                    {w.fullName}
                  </Link>{' '}
                  {w.isDemo ? <OriginBadge origin="DEMO" /> : null}
                </>
              ),
            },
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
                    href={unitPath(w.fromUnits[0] ?? { code: w.code, validTo: null }, query.year)}
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
      </section>
    </>
  );
}
