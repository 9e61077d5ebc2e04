'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { changePasswordAction } from '@/lib/actions/account';
import type { ActionResult } from '@/lib/actions/result';
import { FormField, FormMessage, inputClass } from '@/components/ui/form-field';

const initial: ActionResult = { status: 'idle' };

export function ChangePasswordForm({ redirectTo }: { redirectTo?: string }) {
  const t = useTranslations('account');
  const router = useRouter();
  const [state, action, pending] = useActionState(changePasswordAction, initial);

  useEffect(() => {
    if (state.status !== 'success') return;
    // The server ended the user's other sessions; this one stays.
    if (redirectTo) router.replace(redirectTo);
    router.refresh();
  }, [state, router, redirectTo]);

  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-md space-y-4">
      <FormField id="current" label={t('current')} errors={e.current}>
        {(d, invalid) => (
          <input
            id="current"
            name="current"
            type="password"
            autoComplete="current-password"
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id="next" label={t('next')} hint={t('rules')} errors={e.next}>
        {(d, invalid) => (
          <input
            id="next"
            name="next"
            type="password"
            autoComplete="new-password"
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id="confirm" label={t('confirm')} errors={e.confirm}>
        {(d, invalid) => (
          <input
            id="confirm"
            name="confirm"
            type="password"
            autoComplete="new-password"
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormMessage status={state.status} message={state.message} />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t('submit')}
      </button>
    </form>
  );
}
