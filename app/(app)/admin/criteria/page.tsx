import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { listCriteriaSets } from '@/lib/data/programme/criteria-sets';
import { Card } from '@/components/ui/card';
import { columnsOf, DataTable, figures } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { ImportCriteriaSetForm } from '@/components/admin/criteria-forms';
import { titled } from '@/lib/i18n/page';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('criteria');

type Set = Awaited<ReturnType<typeof listCriteriaSets>>[number];

async function CriteriaSetsPage() {
  await requirePermission('criteria.manage');
  const [t, locale, sets] = await Promise.all([
    getTranslations('criteria'),
    getLocale(),
    listCriteriaSets(),
  ]);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <DataTable
        className="mb-8"
        caption={t('title')}
        rows={sets}
        empty={t('noSets')}
        columns={columnsOf<Set>()(t, {
          code: { rowHeader: true, className: 'font-mono', cell: (s) => s.code },
          name: (s) => (
            <>
              {s.title} <span className="text-xs text-slate-500">· {s.issuingDocument}</span>{' '}
              {s.isProvisional ? <Badge tone="warning">{t('provisional')}</Badge> : null}
            </>
          ),
          years: (s) => (s.years.length ? `${s.years[0]}–${s.years.at(-1)}` : '—'),
          count: figures<Set>((s) => s.criteria, locale),
          used: figures<Set>((s) => s.assessments, locale),
          open: {
            hiddenHeader: true,
            align: 'right',
            cell: (s) => (
              <Link href={`/admin/criteria/${s.id}`} className="text-brand-700 hover:underline">
                {t('open')}
              </Link>
            ),
          },
        })}
      />
      <Card id="import-set" title={t('importTitle')} intro={t('importHint')} className="max-w-3xl">
        <ImportCriteriaSetForm />
      </Card>
    </>
  );
}

export default withClientMessages(CriteriaSetsPage, ['criteria', 'measures']);
