import type { Metadata } from 'next';
import Link from 'next/link';
import { unitPath } from '@/lib/domain/units';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listReviewQueue } from '@/lib/data/assessments';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/assessments/status-badge';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('review'))('title') };
}

const DAY_MS = 86_400_000;

export default async function ReviewPage() {
  const user = await requirePermission('review.queue');
  const [t, tSheet, queue] = await Promise.all([
    getTranslations('review'),
    getTranslations('sheet'),
    listReviewQueue(user),
  ]);
  // The page renders once per request; "now" is that moment.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      {queue.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          {t('empty')}
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
                  {t('year')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('result')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('status')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('waiting')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {queue.map((item) => (
                <tr key={item.assessmentId}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link
                      href={unitPath({ code: item.unitCode, validTo: item.unitValidTo }, item.year)}
                      className="text-brand-700 hover:underline"
                    >
                      Phường {item.unitName}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{item.provinceName}</td>
                  <td className="px-3 py-2">{item.year}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {tSheet('summary', {
                      met: item.met,
                      total: item.total,
                      notDue: item.notDue,
                      notMet: item.notMet,
                    })}
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={item.status} />
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    {t('days', {
                      count: Math.floor((now - item.statusChangedAt.getTime()) / DAY_MS),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
