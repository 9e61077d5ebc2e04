'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { signInAction, type SignInState } from '@/lib/actions/auth';
import { ActionForm, Field, FormMessage, SubmitButton } from '@/components/ui/form';

/**
 * A plain form posted to a server action: it signs in with or without JavaScript, and the
 * password travels in a POST body only.
 */
export function LoginForm({ returnTo, notice }: { returnTo: string; notice?: string }) {
  const t = useTranslations('auth');
  const [state, action] = useActionState<SignInState, FormData>(signInAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="space-y-4" noValidate>
      {notice && state.status === 'idle' ? (
        <p role="status" className="rounded bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {notice}
        </p>
      ) : null}
      <input type="hidden" name="returnTo" value={returnTo} />
      <Field
        id="email"
        name="email"
        type="email"
        label={t('email')}
        autoComplete="username"
        defaultValue={state.data?.email}
        required
      />
      <Field
        id="password"
        name="password"
        type="password"
        label={t('password')}
        autoComplete="current-password"
        required
      />
      <FormMessage
        status={state.status === 'success' ? 'idle' : state.status}
        message={state.message}
      />
      <SubmitButton className="w-full">{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
