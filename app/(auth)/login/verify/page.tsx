import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getLiveSession } from '@/lib/auth';
import { safeReturnPath } from '@/lib/domain/redirects';
import { VerifyForm } from '@/components/auth/verify-form';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { DemoBanner } from '@/components/layout/demo-banner';
import { type SearchParams } from '@/lib/i18n/page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('twoFactor');
  return { title: t('verifyTitle') };
}

/** The second step of signing in, for accounts with two-factor sign-in. */
export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const returnTo = safeReturnPath((await searchParams).returnTo);
  const session = await getLiveSession();
  if (!session) redirect('/login?notice=expired');
  if (session.secondFactorDone) redirect(returnTo);
  const t = await getTranslations('twoFactor');
  return (
    <>
      <DemoBanner />
      <main
        id="main"
        className="flex min-h-screen flex-col items-center justify-center gap-6 bg-brand-900 px-4 py-10"
      >
        <div className="w-full max-w-md rounded-lg bg-white p-8 shadow-xl">
          <h1 className="text-2xl font-bold text-slate-900">{t('verifyTitle')}</h1>
          <p className="mb-6 mt-1 text-sm text-slate-600">
            {t('verifyIntro', { email: session.user.email })}
          </p>
          <VerifyForm returnTo={returnTo} />
          <div className="mt-4 flex justify-center rounded bg-brand-900">
            <SignOutButton />
          </div>
        </div>
      </main>
    </>
  );
}
