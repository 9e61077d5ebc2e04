'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { useTranslations } from 'next-intl';
import { signInAction, type SignInState } from '@/lib/actions/auth';

function SubmitButton() {
  const t = useTranslations('auth');
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {pending ? t('submitting') : t('submit')}
    </button>
  );
}

/**
 * A plain form posted to a server action: it signs in with or without JavaScript, and the
 * password travels in a POST body only.
 */
export function LoginForm({ returnTo, notice }: { returnTo: string; notice?: string }) {
  const t = useTranslations('auth');
  const [state, action] = useActionState<SignInState, FormData>(signInAction, { status: 'idle' });
  return (
    <form action={action} method="post" className="space-y-4" noValidate>
      {notice && state.status === 'idle' ? (
        <p role="status" className="rounded bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {notice}
        </p>
      ) : null}
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="text-sm font-medium">
          {t('email')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.data?.email}
          aria-describedby="login-error"
          className="rounded border border-slate-300 px-3 py-2"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="text-sm font-medium">
          {t('password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby="login-error"
          className="rounded border border-slate-300 px-3 py-2"
        />
      </div>
      <p id="login-error" aria-live="assertive" className="min-h-5 text-sm text-rose-700">
        {state.status === 'error' ? state.message : null}
      </p>
      <SubmitButton />
    </form>
  );
}
