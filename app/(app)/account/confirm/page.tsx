import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/domain/redirects';
import { REAUTH_MINUTES } from '@/lib/domain/sessions';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { firstParam } from '@/lib/validations/units';
import { ReauthForms } from '@/components/auth/reauth-forms';
import { PageHeader } from '@/components/ui/page-header';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('reauth');

/** Proving it is you again before a sensitive action; then back to where it was asked. */
async function ConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const returnTo = safeReturnPath(firstParam((await searchParams).returnTo));
  const t = await getTranslations('reauth');
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro', { minutes: REAUTH_MINUTES })} />
      <ReauthForms returnTo={returnTo} withCode={user.twoFactorEnabled} email={user.email} />
    </>
  );
}

export default withClientMessages(ConfirmPage, ['twoFactor']);
