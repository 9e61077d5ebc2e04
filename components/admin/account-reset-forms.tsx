'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordAction, resetTwoFactorAction } from '@/lib/actions/users';
import { ActionForm, FormFooter } from '@/components/ui/form';
import { ShownOnce } from '@/components/ui/shown-once';

/** An administrator gives a user a new temporary password, shown once. */
export function ResetPasswordForm({ id }: { id: number }) {
  const t = useTranslations('users');
  const [state, action] = useActionState(resetPasswordAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <h2 className="font-semibold">{t('resetPassword')}</h2>
      <p className="text-sm text-slate-600">{t('temporaryPasswordHint')}</p>
      <FormFooter label={t('resetPassword')} variant="secondary">
        {state.status === 'success' && state.data?.temporaryPassword ? (
          <ShownOnce title={t('temporaryPassword', { password: state.data.temporaryPassword })} />
        ) : null}
      </FormFooter>
    </ActionForm>
  );
}

/** An administrator turns a user's two-factor sign-in off (a lost phone). */
export function ResetTwoFactorForm({ id, enabled }: { id: number; enabled: boolean }) {
  const t = useTranslations('users');
  const [state, action] = useActionState(resetTwoFactorAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <h2 className="font-semibold">{t('twoFactor')}</h2>
      <p className="text-sm text-slate-600">
        {enabled ? t('twoFactorOn') : t('twoFactorOff')} {t('twoFactorResetHint')}
      </p>
      {enabled ? <FormFooter label={t('twoFactorReset')} variant="secondary" /> : null}
    </ActionForm>
  );
}
