'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetTwoFactorAction } from '@/lib/actions/users';
import type { ActionResult } from '@/lib/actions/result';
import { FormMessage } from '@/components/ui/form-field';

const initial: ActionResult = { status: 'idle' };

export function ResetTwoFactorForm({ id, enabled }: { id: number; enabled: boolean }) {
  const t = useTranslations('users');
  const [state, action, pending] = useActionState(resetTwoFactorAction, initial);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <h2 className="font-semibold">{t('twoFactor')}</h2>
      <p className="text-sm text-slate-600">
        {enabled ? t('twoFactorOn') : t('twoFactorOff')} {t('twoFactorResetHint')}
      </p>
      <FormMessage status={state.status} message={state.message} />
      <button
        type="submit"
        disabled={pending || !enabled}
        className="rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50 disabled:opacity-60"
      >
        {t('twoFactorReset')}
      </button>
    </form>
  );
}
