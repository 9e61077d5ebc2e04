import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { reachOf } from '@/lib/domain/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { BriefingForm } from '@/components/reports/briefing-form';
import { titled } from '@/lib/i18n/page';
import { defaultYear } from '@/lib/domain/progress';
import { listProvinceOptions } from '@/lib/data/units/provinces';

export const generateMetadata = titled('reports');

export default async function ReportsPage() {
  const user = await requirePermission('report.export');
  const [t, provinces] = await Promise.all([getTranslations('reports'), listProvinceOptions(user)]);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <BriefingForm
        provinces={provinces}
        nationwide={reachOf(user) === 'all'}
        currentYear={defaultYear()}
      />
    </>
  );
}
