import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { requireUser } from '@/lib/auth/current-user';
import { beginEnrolmentAction } from '@/lib/actions/auth';
import { pendingEnrolment, recoveryCodesLeft } from '@/lib/data/accounts/two-factor';
import { EnrolForm } from '@/components/auth/enrol-form';
import { RenewCodesForm } from '@/components/auth/renew-codes-form';
import { PageHeader } from '@/components/ui/page-header';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('twoFactor');

/** Two-factor sign-in: its state, and enrolment with a QR code for an authenticator app. */
async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser({ accountSetup: true });
  if (user.mustChangePassword) redirect('/account/password?first=1');
  const required = (await searchParams).required === '1' || user.mustEnrollSecondFactor;
  const t = await getTranslations('twoFactor');
  if (user.twoFactorEnabled) {
    const left = await recoveryCodesLeft(user.id);
    return (
      <>
        <PageHeader title={t('title')} />
        <p role="status" className="max-w-xl rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          {t('isEnabled', { left })}
        </p>
        {left === 0 ? (
          <p role="alert" className="mt-3 max-w-xl rounded bg-amber-50 px-3 py-2 text-amber-900">
            {t('noCodesLeft')}
          </p>
        ) : null}
        <p className="mt-3 max-w-xl text-sm text-slate-600">{t('lostHint')}</p>
        <RenewCodesForm email={user.email} />
      </>
    );
  }
  const pending = await pendingEnrolment(user.id);
  const qr = pending
    ? await QRCode.toString(pending.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    : null;
  return (
    <>
      <PageHeader title={t('title')} intro={required ? t('requiredIntro') : t('intro')} />
      {pending && qr ? (
        <div className="flex flex-col gap-6 md:flex-row">
          <figure className="w-56 shrink-0">
            <div
              role="img"
              aria-label={t('qrLabel')}
              className="rounded border border-slate-200 bg-white p-2"
              dangerouslySetInnerHTML={{ __html: qr }}
            />
            <figcaption className="mt-2 text-xs text-slate-600">
              {t('secretLabel')}{' '}
              <code className="break-all font-mono text-slate-900" data-testid="totp-secret">
                {pending.secret}
              </code>
            </figcaption>
          </figure>
          <div className="space-y-3">
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              <li>{t('step1')}</li>
              <li>{t('step2')}</li>
              <li>{t('step3')}</li>
            </ol>
            <EnrolForm email={user.email} />
          </div>
        </div>
      ) : (
        <form action={beginEnrolmentAction}>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
            {t('start')}
          </button>
        </form>
      )}
    </>
  );
}

export default withClientMessages(TwoFactorPage, ['twoFactor']);
