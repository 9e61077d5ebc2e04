import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listProvinces } from '@/lib/data/units';
import { PageHeader } from '@/components/ui/page-header';
import { ProvinceSearch } from '@/components/provinces/province-search';
import { ProvinceTable } from '@/components/provinces/province-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('provinces');
  return { title: t('title') };
}

export default async function ProvincesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('province.view');
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) ?? '';
  const [t, locale, provinces] = await Promise.all([
    getTranslations('provinces'),
    getLocale(),
    listProvinces(user, query),
  ]);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <ProvinceSearch initialQuery={query} />
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {t('resultCount', { count: provinces.length })}
      </p>
      {provinces.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          {query ? t('noResults', { query }) : t('empty')}
        </p>
      ) : (
        <ProvinceTable provinces={provinces} locale={locale} />
      )}
    </>
  );
}
