import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { PageHeader } from '@/components/ui/page-header';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { scopeName } from '@/lib/domain/units';
import { titled } from '@/lib/i18n/page';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('account');

async function ChangePasswordPage() {
  const user = await requireUser({ accountSetup: true });
  const t = await getTranslations('account');
  const tRoles = await getTranslations('roles');
  const first = user.mustChangePassword;
  return (
    <>
      <PageHeader
        title={first ? t('firstTitle') : t('title')}
        intro={first ? t('firstIntro') : undefined}
      />
      <dl className="mb-6 grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t('profile')}</dt>
        <dd>
          {user.name} · {user.email}
        </dd>
        <dt className="text-slate-500">{t('role')}</dt>
        <dd>{tRoles(user.role)}</dd>
        <dt className="text-slate-500">{t('scope')}</dt>
        <dd>{scopeName(user, t('nationwide'))}</dd>
      </dl>
      <ChangePasswordForm redirectTo={first ? '/' : undefined} />
      {first ? null : (
        <p className="mt-8 text-sm">
          <Link href="/account/two-factor" className="text-brand-700 hover:underline">
            {t('twoFactorLink')} →
          </Link>
        </p>
      )}
    </>
  );
}

export default withClientMessages(ChangePasswordPage, ['account']);
