import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getLiveSession } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/domain/redirects';
import { VerifyForm } from '@/components/auth/verify-form';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { SignInFrame } from '@/components/auth/sign-in-frame';
import { type SearchParams } from '@/lib/i18n/page';
import { withClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('twoFactor');
  return { title: t('verifyTitle') };
}

/** The second step of signing in, for accounts with two-factor sign-in. */
async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const returnTo = safeReturnPath((await searchParams).returnTo);
  const session = await getLiveSession();
  if (!session) redirect('/login?notice=expired');
  if (session.secondFactorDone) redirect(returnTo);
  const t = await getTranslations('twoFactor');
  return (
    <SignInFrame title={t('verifyTitle')} intro={t('verifyIntro', { email: session.user.email })}>
      <VerifyForm returnTo={returnTo} />
      <div className="mt-4 flex justify-center rounded bg-brand-900">
        <SignOutButton />
      </div>
    </SignInFrame>
  );
}

export default withClientMessages(VerifyPage, ['twoFactor']);
