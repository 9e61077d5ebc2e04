import Link from 'next/link';
import { unitPath, wardName } from '@/lib/domain/units';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listReviewQueue } from '@/lib/data/assessments';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { resultSummary } from '@/components/assessments/status-badge';
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
        columns={columnsOf<(typeof queue)[number]>(t, {
          ward: {
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
          province: (item) => item.provinceName,
          year: (item) => item.year,
          result: { className: 'tabular-nums', cell: (item) => resultSummary(tSheet, item) },
          status: (item) => <StatusBadge status={item.status} />,
          waiting: {
            className: 'tabular-nums',
            cell: (item) =>
              t('days', { count: Math.floor((now - item.statusChangedAt.getTime()) / DAY_MS) }),
          },
        })}
      />
    </>
  );
}
