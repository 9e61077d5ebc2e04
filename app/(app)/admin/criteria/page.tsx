import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listCriteriaSets } from '@/lib/data/criteria-sets';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { ImportCriteriaSetForm } from '@/components/admin/criteria-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('criteria'))('title') };
}

export default async function CriteriaSetsPage() {
  await requirePermission('criteria.manage');
  const [t, sets] = await Promise.all([getTranslations('criteria'), listCriteriaSets()]);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('code')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('name')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('years')}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t('count')}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t('used')}
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t('open')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sets.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="px-3 py-2 text-left font-mono">
                  {s.code}
                </th>
                <td className="px-3 py-2">
                  {s.title} <span className="text-xs text-slate-500">· {s.issuingDocument}</span>{' '}
                  {s.isProvisional ? <Badge tone="warning">{t('provisional')}</Badge> : null}
                </td>
                <td className="px-3 py-2">
                  {s.years.length ? `${s.years[0]}–${s.years.at(-1)}` : '—'}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{s.criteria}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.assessments}</td>
                <td className="px-3 py-2 text-right">
                  <Link href={`/admin/criteria/${s.id}`} className="text-brand-700 hover:underline">
                    {t('open')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section
        aria-labelledby="import-set"
        className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="import-set" className="text-lg font-semibold">
          {t('importTitle')}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t('importHint')}</p>
        <ImportCriteriaSetForm />
      </section>
    </>
  );
}
