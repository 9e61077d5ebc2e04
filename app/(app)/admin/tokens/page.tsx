import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { listApiTokens } from '@/lib/data/accounts/api-tokens';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { IssueTokenForm } from '@/components/admin/token-forms';
import { ActionButton } from '@/components/ui/action-button';
import { Card } from '@/components/ui/card';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { revokeTokenAction } from '@/lib/actions/api-tokens';
import { titled } from '@/lib/i18n/page';
import { listProvinceOptions } from '@/lib/data/units/provinces';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('tokens');

async function TokensPage() {
  const user = await requirePermission('apitoken.manage');
  const [t, locale, tokens, provinces] = await Promise.all([
    getTranslations('tokens'),
    getLocale(),
    listApiTokens(),
    listProvinceOptions(user),
  ]);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <p className="mb-4 text-sm">
        <a href="/api/v1/openapi.json" className="text-brand-700 hover:underline">
          {t('openapi')}
        </a>
      </p>
      <DataTable
        className="mb-8"
        caption={t('title')}
        rows={tokens}
        empty={t('none')}
        columns={columnsOf<(typeof tokens)[number]>()(t, {
          name: { rowHeader: true, cell: (r) => r.name },
          prefix: (r) => <code>{r.prefix}…</code>,
          scope: (r) => (r.province ? `${r.province.code} · ${r.province.name}` : t('nationwide')),
          lastUsed: {
            className: 'text-slate-600',
            cell: (r) => (r.lastUsedAt ? formatDateTime(r.lastUsedAt, locale) : '—'),
          },
          status: (r) =>
            r.revokedAt ? (
              <Badge tone="danger">
                {t('revokedOn', { date: formatDate(r.revokedAt, locale) })}
              </Badge>
            ) : r.expiresAt && r.expiresAt < new Date() ? (
              <Badge>{t('expired')}</Badge>
            ) : (
              <Badge tone="success">
                {r.expiresAt
                  ? t('activeUntil', { date: formatDate(r.expiresAt, locale) })
                  : t('active')}
              </Badge>
            ),
          revoke: {
            hiddenHeader: true,
            align: 'right',
            cell: (r) =>
              r.revokedAt ? null : (
                <ActionButton
                  action={revokeTokenAction}
                  fields={{ id: r.id }}
                  label={t('revoke')}
                  confirm={t('revokeConfirm')}
                />
              ),
          },
        })}
      />
      <Card id="token-issue" title={t('issue')} className="max-w-2xl">
        <IssueTokenForm provinces={provinces} />
      </Card>
    </>
  );
}

export default withClientMessages(TokensPage, ['tokens']);
