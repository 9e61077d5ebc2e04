import { getLocale, getTranslations } from 'next-intl/server';
import { deleteTargetAction } from '@/lib/actions/targets';
import { requirePermission } from '@/lib/auth/current-user';
import { listTargets } from '@/lib/data/programme/targets';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { TargetForm } from '@/components/admin/target-form';
import { ActionButton } from '@/components/ui/action-button';
import { Card } from '@/components/ui/card';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { titled } from '@/lib/i18n/page';
import { listProvinceOptions } from '@/lib/data/units/provinces';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('targets');

async function TargetsPage() {
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
      <DataTable
        className="mb-8"
        caption={t('title')}
        rows={targets}
        empty={t('none')}
        columns={columnsOf<(typeof targets)[number]>()(t, {
          scope: {
            rowHeader: true,
            cell: (r) => (r.province ? `${r.province.code} · ${r.province.name}` : t('national')),
          },
          year: (r) => r.year,
          value: {
            align: 'right',
            className: 'tabular-nums',
            cell: (r) =>
              r.kind === 'PERCENT'
                ? `${formatNumber(r.value, locale, 1)}%`
                : `${formatNumber(r.value, locale)} ${t('count').toLowerCase()}`,
          },
          source: { className: 'text-slate-600', cell: (r) => r.sourceDocument },
          updated: { className: 'text-slate-500', cell: (r) => formatDate(r.updatedAt, locale) },
          delete: {
            hiddenHeader: true,
            align: 'right',
            cell: (r) => (
              <ActionButton
                action={deleteTargetAction}
                fields={{ id: r.id }}
                label={t('delete')}
                confirm={t('deleteConfirm')}
              />
            ),
          },
        })}
      />
      <Card id="target-add" title={t('add')} intro={t('addHint')} className="max-w-3xl">
        <TargetForm provinces={provinces} />
      </Card>
    </>
  );
}

export default withClientMessages(TargetsPage, ['targets']);
