'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { confirmEnrolmentAction, type EnrolmentData } from '@/lib/actions/auth';
import type { ActionResult } from '@/lib/actions/result';
import { inputClass } from '@/components/ui/form-field';

const initial: ActionResult<EnrolmentData> = { status: 'idle' };

/** The first code from the app confirms enrolment; the recovery codes are then shown once. */
export function EnrolForm() {
  const t = useTranslations('twoFactor');
  const [state, action, pending] = useActionState(confirmEnrolmentAction, initial);
  const codes = state.status === 'success' ? state.data?.recoveryCodes : undefined;
  if (codes)
    return (
      <section aria-labelledby="codes-title" className="max-w-md space-y-3">
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {state.message}
        </p>
        <h2 id="codes-title" className="font-semibold">
          {t('recoveryTitle')}
        </h2>
        <p className="text-sm text-slate-600">{t('recoveryIntro')}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-sm" data-testid="recovery-codes">
          {codes.map((c) => (
            <li key={c} className="rounded bg-slate-100 px-2 py-1">
              {c}
            </li>
          ))}
        </ul>
        <Link href="/" className="inline-block rounded bg-brand-700 px-4 py-2 text-white">
          {t('continue')}
        </Link>
      </section>
    );
  return (
    <form action={action} className="max-w-md space-y-3">
      <label htmlFor="code" className="block text-sm font-medium">
        {t('confirmLabel')}
      </label>
      <input
        id="code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        aria-describedby="enrol-error"
        className={inputClass}
      />
      <p id="enrol-error" aria-live="assertive" className="min-h-5 text-sm text-rose-700">
        {state.status === 'error' ? state.message : null}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {t('confirm')}
      </button>
    </form>
  );
}
