import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getHandover } from '@/lib/data/accounts/handovers';
import { formatDateTime } from '@/lib/i18n/format';
import { HandoverForm } from '@/components/auth/handover-form';
import { SignInFrame } from '@/components/auth/sign-in-frame';
import { withClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('handover'))('title'), referrer: 'no-referrer' };
}

/** A one-time handover link: its holder sets the account's password (lib/data/accounts/handovers.ts). */
async function HandoverPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, locale, handover] = await Promise.all([
    getTranslations('handover'),
    getLocale(),
    getHandover(token),
  ]);
  if (!handover)
    return (
      <SignInFrame title={t('invalidTitle')} intro={t('invalid')}>
        {null}
      </SignInFrame>
    );
  return (
    <SignInFrame
      title={t('title')}
      intro={t('intro', {
        email: handover.user.email,
        name: handover.user.name,
        until: formatDateTime(handover.expiresAt, locale),
      })}
    >
      <HandoverForm token={token} email={handover.user.email} />
    </SignInFrame>
  );
}

export default withClientMessages(HandoverPage, ['account', 'handover']);
