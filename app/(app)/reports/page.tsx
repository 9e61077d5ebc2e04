import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { reachOf } from '@/lib/domain/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { BriefingForm } from '@/components/reports/briefing-form';
import { SubscriptionsCard } from '@/components/reports/subscriptions-card';
import { titled } from '@/lib/i18n/page';
import { defaultYear } from '@/lib/domain/progress';
import { listProvinceOptions } from '@/lib/data/units/provinces';
import { listSubscriptions } from '@/lib/data/notifications/subscriptions';
import { mailConfigured } from '@/lib/mail/config';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('reports');

async function ReportsPage() {
  const user = await requirePermission('report.export');
  const [t, provinces, subscriptions] = await Promise.all([
    getTranslations('reports'),
    listProvinceOptions(user),
    listSubscriptions(user.id),
  ]);
  const nationwide = reachOf(user) === 'all';
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <BriefingForm provinces={provinces} nationwide={nationwide} currentYear={defaultYear()} />
      <SubscriptionsCard
        lines={subscriptions}
        provinces={provinces}
        nationwide={nationwide}
        mailOn={mailConfigured()}
      />
    </>
  );
}

export default withClientMessages(ReportsPage, ['reports', 'subscriptions']);
