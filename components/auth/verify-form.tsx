'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { useTranslations } from 'next-intl';
import { verifySecondFactorAction, type SignInState } from '@/lib/actions/auth';

function Submit() {
  const t = useTranslations('twoFactor');
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {t('verify')}
    </button>
  );
}

export function VerifyForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations('twoFactor');
  const [state, action] = useActionState<SignInState, FormData>(verifySecondFactorAction, {
    status: 'idle',
  });
  return (
    <form action={action} method="post" className="space-y-4" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="flex flex-col gap-1">
        <label htmlFor="code" className="text-sm font-medium">
          {t('codeLabel')}
        </label>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          aria-describedby="code-hint code-error"
          className="rounded border border-slate-300 px-3 py-2 text-lg tracking-widest"
        />
        <p id="code-hint" className="text-xs text-slate-600">
          {t('codeHint')}
        </p>
      </div>
      <p id="code-error" aria-live="assertive" className="min-h-5 text-sm text-rose-700">
        {state.status === 'error' ? state.message : null}
      </p>
      <Submit />
    </form>
  );
}
