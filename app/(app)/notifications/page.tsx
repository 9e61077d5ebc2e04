import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { getEmailMode, listNotifications } from '@/lib/data/notifications/inbox';
import { formatDateTime } from '@/lib/i18n/format';
import { notificationText } from '@/lib/i18n/notification-text';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { pageNumberSchema, readQuery } from '@/lib/validations/page-query';
import { QueryNotice } from '@/components/ui/query-notice';
import { markAllReadAction, markReadAction } from '@/lib/actions/notifications';
import { EmailModeForm } from '@/components/notifications/email-mode-form';
import { StatusBadge } from '@/components/assessments/status-badge';
import { ActionButton } from '@/components/ui/action-button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { mailConfigured } from '@/lib/mail/config';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('notifications');

/** The user's own inbox: returns, dossiers waiting on them, decisions, coming deadlines. */
async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('notification.read');
  const { query, invalid } = readQuery(await searchParams, { page: pageNumberSchema });
  const page = query.page ?? 1;
  const [t, locale, inbox, emailMode] = await Promise.all([
    getTranslations('notifications'),
    getLocale(),
    listNotifications(user.id, page),
    getEmailMode(user.id),
  ]);
  return (
    <>
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={
          inbox.unread > 0 ? (
            <ActionButton
              action={markAllReadAction}
              fields={{ all: '1' }}
              label={t('markAllRead')}
              variant="secondary"
            />
          ) : null
        }
      />
      <QueryNotice invalid={invalid} />
      <p className="mb-2 text-sm text-slate-600" data-testid="unread-count">
        {t('unreadCount', { count: inbox.unread })}
      </p>
      {inbox.lines.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-600">
          {t('empty')}
        </p>
      ) : (
        <ul className="space-y-2" data-testid="inbox">
          {inbox.lines.map((line) => {
            const p = line.params;
            const text = notificationText(locale === 'en' ? 'en' : 'vi', line.kind, p);
            return (
              <li
                key={line.id}
                className={`flex flex-wrap items-start justify-between gap-2 rounded-lg border p-3 text-sm ${line.readAt ? 'border-slate-200 bg-white text-slate-600' : 'border-brand-100 bg-brand-50'}`}
              >
                <div>
                  {line.readAt ? null : <span className="sr-only">{t('unread')}: </span>}
                  <Link
                    href={p.href}
                    className={`font-medium hover:underline ${line.dossier?.movedOn ? 'text-slate-700' : 'text-brand-800'}`}
                  >
                    {text}
                  </Link>
                  <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    <span>{formatDateTime(line.createdAt, locale)}</span>
                    {line.dossier?.movedOn ? (
                      <span data-testid="moved-on">
                        {t('movedOn')} <StatusBadge status={line.dossier.status} />
                      </span>
                    ) : null}
                  </p>
                </div>
                {line.readAt ? null : (
                  <ActionButton
                    action={markReadAction}
                    fields={{ id: line.id }}
                    label={t('markRead')}
                    variant="link"
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pager page={page} pages={inbox.pages} href={(n) => `/notifications?page=${n}`} />
      <Card id="email" title={t('emailTitle')} className="mt-6 max-w-2xl">
        <EmailModeForm mode={emailMode} configured={mailConfigured()} />
      </Card>
    </>
  );
}

export default withClientMessages(NotificationsPage, ['notifications']);
