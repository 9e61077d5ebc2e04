'use client';

import Link from '@/components/ui/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { confirmEnrolmentAction, type EnrolmentData } from '@/lib/actions/auth';
import type { ActionResult } from '@/lib/actions/result';
import { ActionForm, FormFooter } from '@/components/ui/form';
import { buttonClass } from '@/components/ui/button';
import { CodeField } from './verify-form';
import { RecoveryCodes } from './recovery-codes';

const initial: ActionResult<EnrolmentData> = { status: 'idle' };

/** The first code from the app confirms enrolment; the recovery codes are then shown once. */
export function EnrolForm({ email }: { email: string }) {
  const t = useTranslations('twoFactor');
  const [state, action] = useActionState(confirmEnrolmentAction, initial);
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
        <RecoveryCodes codes={codes} email={email} />
        <Link href="/" className={buttonClass('primary', 'inline-block')}>
          {t('continue')}
        </Link>
      </section>
    );
  return (
    <ActionForm state={state} action={action} className="max-w-md space-y-3">
      <CodeField label={t('confirmLabel')} />
      <FormFooter label={t('confirm')} />
    </ActionForm>
  );
}
