import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listTargets } from '@/lib/data/targets';
import { listProvinceOptions } from '@/lib/data/users';
import { formatDate, formatNumber } from '@/lib/format';
import { PageHeader } from '@/components/ui/page-header';
import { TargetForm, DeleteTargetButton } from '@/components/admin/target-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('targets'))('title') };
}

export default async function TargetsPage() {
  const user = await requirePermission('target.manage');
  const [t, locale, targets, provinces] = await Promise.all([
    getTranslations('targets'),
    getLocale(),
    listTargets(),
    listProvinceOptions(user),
  ]);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('scope')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('year')}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t('value')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('source')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('updated')}
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t('delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {targets.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
                  {t('none')}
                </td>
              </tr>
            ) : (
              targets.map((target) => (
                <tr key={target.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {target.province
                      ? `${target.province.code} · ${target.province.name}`
                      : t('national')}
                  </th>
                  <td className="px-3 py-2">{target.year}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {target.kind === 'PERCENT'
                      ? `${formatNumber(target.value, locale, 1)}%`
                      : `${formatNumber(target.value, locale)} ${t('count').toLowerCase()}`}
                  </td>
                  <td className="px-3 py-2 text-slate-600">{target.sourceDocument}</td>
                  <td className="px-3 py-2 text-slate-500">
                    {formatDate(target.updatedAt, locale)}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <DeleteTargetButton id={target.id} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <section
        aria-labelledby="target-add"
        className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="target-add" className="text-lg font-semibold">
          {t('add')}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t('addHint')}</p>
        <TargetForm provinces={provinces} />
      </section>
    </>
  );
}
