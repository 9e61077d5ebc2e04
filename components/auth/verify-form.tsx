'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { verifySecondFactorAction, type SignInState } from '@/lib/actions/auth';
import { ActionForm, Field, FormMessage, SubmitButton } from '@/components/ui/form';

export function VerifyForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations('twoFactor');
  const [state, action] = useActionState<SignInState, FormData>(verifySecondFactorAction, {
    status: 'idle',
  });
  return (
    <ActionForm state={state} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      <CodeField label={t('codeLabel')} hint={t('codeHint')} />
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton className="w-full">{t('verify')}</SubmitButton>
    </ActionForm>
  );
}

/** The one-time code from an authenticator app (or a recovery code). */
export function CodeField({ label, hint }: { label: string; hint?: string }) {
  return (
    <Field
      id="code"
      name="code"
      label={label}
      hint={hint}
      inputMode="numeric"
      autoComplete="one-time-code"
      required
    />
  );
}
