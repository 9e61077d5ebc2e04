import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { isDemoMode } from '@/lib/data/settings';
import { ssoEnabled } from '@/lib/auth/oidc';
import { safeReturnPath } from '@/lib/domain/redirects';
import { LoginForm } from '@/components/auth/login-form';
import { SignInFrame } from '@/components/auth/sign-in-frame';
import { demoAccounts, DEMO_PASSWORD } from '@/prisma/seed-data/demo-accounts';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('auth');

/** What the page may have been sent back to say (`?notice=`), by its catalogue key. */
const NOTICES = {
  signedOut: 'signedOut',
  expired: 'sessionExpired',
  passwordSet: 'passwordSet',
  ssoExpired: 'ssoExpired',
  ssoRefused: 'ssoRefused',
  ssoUnknown: 'ssoUnknown',
  ssoDisabled: 'ssoDisabled',
  ssoUnavailable: 'ssoUnavailable',
} as const;

async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.returnTo ?? params.callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const t = await getTranslations('auth');
  const tRoles = await getTranslations('roles');
  // The demo accounts exist only in a demo installation: list them there only.
  const showDemo = await isDemoMode();
  const asked = String(params.notice ?? '');
  const noticeKey = Object.hasOwn(NOTICES, asked)
    ? NOTICES[asked as keyof typeof NOTICES]
    : undefined;
  const notice = noticeKey ? t(noticeKey) : undefined;
  const sso = ssoEnabled();
  return (
    <SignInFrame
      title={t('title')}
      intro={t('intro')}
      below={
        showDemo ? (
          <section
            aria-labelledby="demo-title"
            className="w-full max-w-md rounded-lg bg-white/95 p-5 text-sm shadow"
          >
            <h2 id="demo-title" className="font-semibold">
              {t('demoTitle')}
            </h2>
            <p className="mb-2 text-slate-600">{t('demoHint', { password: DEMO_PASSWORD })}</p>
            <ul className="space-y-1">
              {demoAccounts.map((a) => (
                <li key={a.email} className="flex justify-between gap-3">
                  <code className="text-brand-800">{a.email}</code>
                  <span className="text-right text-slate-600">
                    {tRoles(a.role)}
                    {a.scopeLabel ? ` · ${a.scopeLabel}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null
      }
    >
      <LoginForm returnTo={returnTo} notice={notice} />
      {sso ? (
        <div className="mt-4">
          <p className="mb-4 flex items-center gap-3 text-sm text-slate-600 before:h-px before:flex-1 before:bg-slate-300 after:h-px after:flex-1 after:bg-slate-300">
            {t('or')}
          </p>
          <a
            href={`/login/sso?returnTo=${encodeURIComponent(returnTo)}`}
            className="block w-full rounded-md border border-brand-700 px-4 py-2 text-center font-medium text-brand-800 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {t('sso')}
          </a>
        </div>
      ) : null}
    </SignInFrame>
  );
}

export default withClientMessages(LoginPage, ['auth']);
