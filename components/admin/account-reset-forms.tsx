'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordAction, resetTwoFactorAction } from '@/lib/actions/users';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ActionForm, FormFooter, FormMessage } from '@/components/ui/form';
import { HandoverLink } from './handover-link';

/** A manager resets an account: a one-time link for its holder to set a new password. */
export function ResetPasswordForm({ id }: { id: number }) {
  const t = useTranslations('users');
  const [state, action] = useActionState(resetPasswordAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <h2 className="font-semibold">{t('resetPassword')}</h2>
      <p className="text-sm text-slate-600">{t('resetPasswordHint')}</p>
      <FormFooter label={t('resetPassword')} variant="secondary">
        {state.status === 'success' && state.data?.handoverPath ? (
          <HandoverLink path={state.data.handoverPath} />
        ) : null}
      </FormFooter>
    </ActionForm>
  );
}

/** An administrator turns a user's two-factor sign-in off (a lost phone), after confirming. */
export function ResetTwoFactorForm({
  id,
  enabled,
  self,
}: {
  id: number;
  enabled: boolean;
  /** The administrator's own account: they stay signed in and set it up again. */
  self: boolean;
}) {
  const t = useTranslations('users');
  const [state, action] = useActionState(resetTwoFactorAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <h2 className="font-semibold">{t('twoFactor')}</h2>
      <p className="text-sm text-slate-600">
        {enabled ? t('twoFactorOn') : t('twoFactorOff')} {t('twoFactorResetHint')}
      </p>
      {enabled ? (
        <div className="flex flex-wrap items-center gap-3">
          <ConfirmDialog
            label={t('twoFactorReset')}
            message={t(self ? 'twoFactorResetConfirmSelf' : 'twoFactorResetConfirm')}
            variant="danger"
          />
          <FormMessage status={state.status} message={state.message} />
        </div>
      ) : null}
    </ActionForm>
  );
}
