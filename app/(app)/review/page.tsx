import Link from 'next/link';
import { unitPath, wardName } from '@/lib/domain/units';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listReviewQueue } from '@/lib/data/assessments';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/assessments/status-badge';
import { titled } from '@/lib/i18n/page';

export const generateMetadata = titled('review');

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
      <DataTable
        caption={t('title')}
        rows={queue}
        rowKey={(item) => item.assessmentId}
        empty={t('empty')}
        columns={[
          {
            key: 'ward',
            header: t('ward'),
            rowHeader: true,
            cell: (item) => (
              <Link
                href={unitPath({ code: item.unitCode, validTo: item.unitValidTo }, item.year)}
                className="text-brand-700 hover:underline"
              >
                {wardName(item.unitName)}
              </Link>
            ),
          },
          { key: 'province', header: t('province'), cell: (item) => item.provinceName },
          { key: 'year', header: t('year'), cell: (item) => item.year },
          {
            key: 'result',
            header: t('result'),
            className: 'tabular-nums',
            cell: (item) =>
              tSheet('summary', {
                met: item.met,
                total: item.total,
                notDue: item.notDue,
                notMet: item.notMet,
              }),
          },
          {
            key: 'status',
            header: t('status'),
            cell: (item) => <StatusBadge status={item.status} />,
          },
          {
            key: 'waiting',
            header: t('waiting'),
            className: 'tabular-nums',
            cell: (item) =>
              t('days', { count: Math.floor((now - item.statusChangedAt.getTime()) / DAY_MS) }),
          },
        ]}
      />
    </>
  );
}
