import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { endSessionsAction } from '@/lib/actions/account';
import { listOwnSessions, listSecurityEvents } from '@/lib/data/accounts/sessions';
import { scopeName } from '@/lib/domain/units';
import { formatDateTime } from '@/lib/i18n/format';
import { titled } from '@/lib/i18n/page';
import { ActionButton } from '@/components/ui/action-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';

export const generateMetadata = titled('security');

/**
 * The account's own page: profile, password and two-factor links, the sessions signed in now
 * (each can be signed out, or all but this one), and recent security activity — including what a
 * manager did to the account, so a ward sees who reset its password and where it was used.
 */
export default async function AccountPage() {
  const user = await requireUser();
  const [t, ta, tRoles, locale, sessions, events] = await Promise.all([
    getTranslations('security'),
    getTranslations('account'),
    getTranslations('roles'),
    getLocale(),
    listOwnSessions(user.id, user.sessionId),
    listSecurityEvents(user),
  ]);
  const others = sessions.filter((s) => !s.isCurrent).length;
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Card id="profile-title" title={t('profileTitle')} className="mb-6 max-w-2xl">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">{ta('profile')}</dt>
          <dd>
            {user.name} · {user.email}
          </dd>
          <dt className="text-slate-500">{ta('role')}</dt>
          <dd>{tRoles(user.role)}</dd>
          <dt className="text-slate-500">{ta('scope')}</dt>
          <dd>{scopeName(user, ta('nationwide'))}</dd>
        </dl>
        <p className="mt-3 flex flex-wrap gap-4 text-sm">
          <Link href="/account/password" className="text-brand-700 underline">
            {t('password')}
          </Link>
          <Link href="/account/two-factor" className="text-brand-700 underline">
            {t('twoFactor')} ({user.twoFactorEnabled ? t('twoFactorOn') : t('twoFactorOff')})
          </Link>
        </p>
      </Card>

      <section aria-labelledby="sessions-title" className="mb-8">
        <h2 id="sessions-title" className="mb-1 text-lg font-semibold">
          {t('sessionsTitle')}
        </h2>
        <p className="mb-3 max-w-2xl text-sm text-slate-600">{t('sessionsIntro')}</p>
        <DataTable
          caption={t('sessionsTitle')}
          rows={sessions}
          rowKey={(s) => s.handle}
          empty={t('none')}
          columns={columnsOf<(typeof sessions)[number]>()(t, {
            started: { rowHeader: true, cell: (s) => formatDateTime(s.createdAt, locale) },
            lastSeen: { cell: (s) => formatDateTime(s.lastSeenAt, locale) },
            address: { cell: (s) => s.ip ?? '—' },
            browser: {
              cell: (s) => (
                <span className="line-clamp-2 max-w-xs break-words text-xs">
                  {s.userAgent ?? '—'}
                </span>
              ),
            },
            thisSession: {
              cell: (s) =>
                s.isCurrent ? (
                  <Badge tone="success">{t('thisSession')}</Badge>
                ) : (
                  <ActionButton
                    action={endSessionsAction}
                    fields={{ which: s.handle }}
                    label={t('signOutSession')}
                  />
                ),
            },
          })}
        />
        {others > 0 ? (
          <div className="mt-3">
            <ActionButton
              action={endSessionsAction}
              fields={{ which: 'others' }}
              label={t('signOutOthers')}
              variant="secondary"
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="activity-title">
        <h2 id="activity-title" className="mb-1 text-lg font-semibold">
          {t('activityTitle')}
        </h2>
        <p className="mb-3 max-w-2xl text-sm text-slate-600">{t('activityIntro')}</p>
        <DataTable
          caption={t('activityTitle')}
          rows={events}
          rowKey={(e) => e.id}
          empty={t('none')}
          columns={columnsOf<(typeof events)[number]>()(t, {
            when: { rowHeader: true, cell: (e) => formatDateTime(e.at, locale) },
            what: { cell: (e) => t(`actions.${e.action}`) },
            by: { cell: (e) => e.by ?? t('you') },
            address: { cell: (e) => e.ip ?? '—' },
          })}
        />
      </section>
    </>
  );
}
