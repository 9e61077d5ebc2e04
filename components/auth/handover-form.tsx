'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { redeemHandoverAction } from '@/lib/actions/auth';
import { ActionForm, Field, FormFooter } from '@/components/ui/form';

export function HandoverForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('handover');
  const ta = useTranslations('account');
  const [state, action] = useActionState(redeemHandoverAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field
        id="next"
        name="next"
        type="password"
        label={ta('next')}
        hint={ta('rules')}
        autoComplete="new-password"
      />
      <Field
        id="confirm"
        name="confirm"
        type="password"
        label={ta('confirm')}
        autoComplete="new-password"
      />
      <FormFooter label={t('submit')} />
    </ActionForm>
  );
}
