import { getLocale, getTranslations } from 'next-intl/server';
import { cancelSubscriptionAction } from '@/lib/actions/subscriptions';
import type { SubscriptionLine } from '@/lib/data/notifications/subscriptions';
import { formatDateTime } from '@/lib/i18n/format';
import { ActionButton } from '@/components/ui/action-button';
import { Card } from '@/components/ui/card';
import { SubscriptionForm } from './subscription-form';

/** The user's pack subscriptions, each with its next issue and a way to end it, and the form. */
export async function SubscriptionsCard({
  lines,
  provinces,
  nationwide,
  mailOn,
}: {
  lines: SubscriptionLine[];
  provinces: { code: string; name: string }[];
  nationwide: boolean;
  mailOn: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations('subscriptions'), getLocale()]);
  return (
    <Card id="subscriptions" title={t('title')} intro={t('intro')} className="mt-6 max-w-2xl">
      {mailOn ? null : <p className="mb-3 text-sm text-amber-800">{t('mailOff')}</p>}
      {lines.length === 0 ? (
        <p className="mb-4 text-sm text-slate-600">{t('none')}</p>
      ) : (
        <ul className="mb-4 divide-y divide-slate-200 text-sm" data-testid="subscriptions">
          {lines.map((line) => (
            <li key={line.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium text-slate-900">
                  {t('packName', {
                    cadence: line.cadence,
                    format: line.format,
                    scope: line.province?.name ?? t('nation'),
                  })}
                </p>
                <p className="text-xs text-slate-600">
                  {line.nextAt
                    ? t('next', { at: formatDateTime(line.nextAt, locale) })
                    : t('noNext')}
                </p>
              </div>
              <ActionButton
                action={cancelSubscriptionAction}
                fields={{ id: line.id }}
                label={t('cancel')}
              />
            </li>
          ))}
        </ul>
      )}
      <SubscriptionForm provinces={provinces} nationwide={nationwide} />
    </Card>
  );
}
