'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { renewRecoveryCodesAction } from '@/lib/actions/account';
import { ActionForm, FormFooter } from '@/components/ui/form';
import { RecoveryCodes } from './recovery-codes';

/** A new set of recovery codes (asks for a recent sign-in first), shown once. */
export function RenewCodesForm({ email }: { email: string }) {
  const t = useTranslations('twoFactor');
  const [state, action] = useActionState(renewRecoveryCodesAction, { status: 'idle' });
  const codes = state.status === 'success' ? state.data?.recoveryCodes : undefined;
  return (
    <section aria-labelledby="renew-title" className="mt-6 max-w-md space-y-3">
      <h2 id="renew-title" className="font-semibold">
        {t('renewTitle')}
      </h2>
      <p className="text-sm text-slate-600">{t('renewIntro')}</p>
      {codes ? (
        <>
          <p className="text-sm text-slate-600">{t('recoveryIntro')}</p>
          <RecoveryCodes codes={codes} email={email} />
        </>
      ) : (
        <ActionForm state={state} action={action}>
          <input type="hidden" name="renew" value="codes" />
          <FormFooter label={t('renew')} variant="secondary" />
        </ActionForm>
      )}
    </section>
  );
}
