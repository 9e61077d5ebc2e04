import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { defaultYear } from '@/lib/domain/progress';
import { PageHeader } from '@/components/ui/page-header';
import { ResultsImport } from '@/components/imports/results-import';
import { titled } from '@/lib/i18n/page';
import { listProvinceOptions } from '@/lib/data/units/provinces';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('imports');

async function ResultsImportPage() {
  const user = await requirePermission('results.import');
  const provinces = await listProvinceOptions(user);
  if (provinces.length === 0) notFound();
  const t = await getTranslations('imports');
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <ResultsImport provinces={provinces} defaultYear={defaultYear()} />
    </>
  );
}

export default withClientMessages(ResultsImportPage, ['imports', 'states']);
