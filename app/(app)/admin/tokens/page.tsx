import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listApiTokens } from '@/lib/data/api-tokens';
import { listProvinceOptions } from '@/lib/data/users';
import { formatDate, formatDateTime } from '@/lib/format';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { IssueTokenForm, RevokeTokenButton } from '@/components/admin/token-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tokens'))('title') };
}

export default async function TokensPage() {
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
      <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('name')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('prefix')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('scope')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('lastUsed')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('status')}
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t('revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
                  {t('none')}
                </td>
              </tr>
            ) : (
              tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {token.name}
                  </th>
                  <td className="px-3 py-2">
                    <code>{token.prefix}…</code>
                  </td>
                  <td className="px-3 py-2">
                    {token.province
                      ? `${token.province.code} · ${token.province.name}`
                      : t('nationwide')}
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : '—'}
                  </td>
                  <td className="px-3 py-2">
                    {token.revokedAt ? (
                      <Badge tone="danger">
                        {t('revokedOn', { date: formatDate(token.revokedAt, locale) })}
                      </Badge>
                    ) : token.expiresAt && token.expiresAt < new Date() ? (
                      <Badge>{t('expired')}</Badge>
                    ) : (
                      <Badge tone="success">
                        {token.expiresAt
                          ? t('activeUntil', { date: formatDate(token.expiresAt, locale) })
                          : t('active')}
                      </Badge>
                    )}
                  </td>
                  <td className="px-3 py-2 text-right">
                    {token.revokedAt ? null : <RevokeTokenButton id={token.id} />}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <section
        aria-labelledby="token-issue"
        className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="token-issue" className="mb-3 text-lg font-semibold">
          {t('issue')}
        </h2>
        <IssueTokenForm provinces={provinces} />
      </section>
    </>
  );
}
