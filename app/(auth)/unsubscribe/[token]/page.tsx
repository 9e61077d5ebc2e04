import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { subscriptionByToken } from '@/lib/data/notifications/subscriptions';
import { unsubscribeTokenSchema } from '@/lib/validations/notifications';
import { SignInFrame } from '@/components/auth/sign-in-frame';
import { Button } from '@/components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations('subscriptions'))('unsubscribeTitle'),
    referrer: 'no-referrer',
  };
}

/**
 * A pack mail's unsubscribe link: says which pack it ends and asks once (a link checker that
 * opens the link ends nothing); the button posts to the one-click route, which comes back here.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('subscriptions');
  const parsed = unsubscribeTokenSchema.safeParse(token);
  const found = parsed.success ? await subscriptionByToken(parsed.data) : null;
  if (!found)
    return (
      <SignInFrame title={t('unsubscribeTitle')} intro={t('unknownLink')}>
        {null}
      </SignInFrame>
    );
  const pack = t('packName', {
    cadence: found.cadence,
    format: found.format,
    scope: found.province?.name ?? t('nation'),
  });
  if (found.cancelledAt)
    return (
      <SignInFrame title={t('unsubscribeTitle')} intro={t('unsubscribed', { pack })}>
        <p className="text-sm">
          <a href="/reports" className="text-brand-800 underline">
            {t('manage')}
          </a>
        </p>
      </SignInFrame>
    );
  return (
    <SignInFrame
      title={t('unsubscribeTitle')}
      intro={t('unsubscribeAsk', { pack, email: found.user.email })}
    >
      <form method="post" action={`/api/unsubscribe/${token}`}>
        <input type="hidden" name="from" value="page" />
        <Button type="submit">{t('unsubscribeConfirm')}</Button>
      </form>
    </SignInFrame>
  );
}
