import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { listProvinces } from '@/lib/data/units/provinces';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { dataYearOf } from '@/lib/domain/dashboard';
import { isoDate } from '@/lib/domain/units';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { readQuery, searchTermSchema } from '@/lib/validations/page-query';
import { QueryNotice } from '@/components/ui/query-notice';
import { isoDaySchema } from '@/lib/validations/text';
import { PageHeader } from '@/components/ui/page-header';
import { ProvinceSearch } from '@/components/provinces/province-search';
import { ProvinceTable } from '@/components/provinces/province-table';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('provinces');

async function ProvincesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('province.view');
  const { query: params, invalid } = readQuery(await searchParams, {
    q: searchTermSchema,
    on: isoDaySchema,
  });
  const query = params.q ?? '';
  const on = params.on ?? isoDate(new Date());
  const [t, locale, provinces, view] = await Promise.all([
    getTranslations('provinces'),
    getLocale(),
    listProvinces(user, query, on),
    // Each of today's provinces with its share and verdict this year (official, today's units).
    getDashboard(user, {
      provinceId: null,
      year: dataYearOf(new Date()),
      official: true,
      lineage: true,
      nearMissLimit: 0,
    }),
  ]);
  const progress = new Map(
    (view?.model.provinces ?? []).map((p) => [
      view!.provinces.get(p.provinceId)?.code ?? '',
      {
        share: p.share,
        status: p.progress.status,
        verdict: p.milestoneResults.at(-1) ?? null,
        daysLeft: view!.model.daysLeft,
      },
    ]),
  );
  const totals = provinces.reduce(
    (s, p) => ({
      wards: s.wards + p.wards,
      units: s.units + p.wards + p.communes + p.townships + p.specialZones,
    }),
    { wards: 0, units: 0 },
  );
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <QueryNotice invalid={invalid} />
      <ProvinceSearch initialQuery={query} on={on} />
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {t('resultCountOn', {
          count: provinces.length,
          date: formatDate(on, locale),
          units: formatNumber(totals.units, locale),
          wards: formatNumber(totals.wards, locale),
        })}
      </p>
      {provinces.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          {query ? t('noResults', { query }) : t('empty')}
        </p>
      ) : (
        <ProvinceTable provinces={provinces} locale={locale} progress={progress} />
      )}
    </>
  );
}

export default withClientMessages(ProvincesPage, ['provinces']);
