import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listWards } from '@/lib/data/wards';
import { unitPath } from '@/lib/domain/units';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { inputClass } from '@/components/ui/form-field';
import { StatusBadge } from '@/components/assessments/status-badge';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('wards'))('title') };
}

export default async function WardsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('ward.view');
  const raw = (await searchParams).q;
  const q = ((Array.isArray(raw) ? raw[0] : raw) ?? '').slice(0, 100);
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
            <Link
              href="/assessments"
              className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              {t('registration')}
            </Link>
          ) : null
        }
      />
      <form method="get" role="search" className="mb-4 flex items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="wards-q" className="text-sm font-medium">
            {t('search')}
          </label>
          <input
            id="wards-q"
            name="q"
            type="search"
            defaultValue={q}
            className={`${inputClass} w-72`}
          />
        </div>
        <button type="submit" className="rounded bg-slate-700 px-4 py-2 text-sm text-white">
          {t('searchButton')}
        </button>
      </form>
      {wards.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          {t('none')}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('ward')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('province')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('latest')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {wards.map((w) => {
                const latest = w.latest;
                return (
                  <tr key={`${w.code}/${w.validTo?.toISOString() ?? ''}`}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
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
                    </th>
                    <td className="px-3 py-2">
                      {w.districtName ? `${w.districtName}, ` : ''}
                      {w.province.name}
                    </td>
                    <td className="px-3 py-2">
                      {latest ? (
                        <span className="flex flex-wrap items-center gap-2">
                          {latest.year} · {latest.metCount}/{latest.totalCriteria}{' '}
                          <StatusBadge status={latest.status} />
                        </span>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
