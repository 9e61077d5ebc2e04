'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { changePasswordAction } from '@/lib/actions/account';
import { ActionForm, Field, FormFooter } from '@/components/ui/form';

export function ChangePasswordForm({ redirectTo }: { redirectTo?: string }) {
  const t = useTranslations('account');
  const router = useRouter();
  const [state, action] = useActionState(changePasswordAction, { status: 'idle' });

  useEffect(() => {
    if (state.status !== 'success') return;
    // The server ended the user's other sessions; this one stays.
    if (redirectTo) router.replace(redirectTo);
    router.refresh();
  }, [state, router, redirectTo]);

  const password = (name: 'current' | 'next' | 'confirm', autoComplete: string, hint?: string) => (
    <Field
      id={name}
      name={name}
      type="password"
      label={t(name)}
      hint={hint}
      autoComplete={autoComplete}
    />
  );
  return (
    <ActionForm state={state} action={action} className="max-w-md space-y-4">
      {password('current', 'current-password')}
      {password('next', 'new-password', t('rules'))}
      {password('confirm', 'new-password')}
      <FormFooter label={t('submit')} />
    </ActionForm>
  );
}
