'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordAction } from '@/lib/actions/users';
import type { ActionResult } from '@/lib/actions/result';
import { FormMessage } from '@/components/ui/form-field';

type Created = { id: number; temporaryPassword?: string };
const initial: ActionResult<Created> = { status: 'idle' };

export function ResetPasswordForm({ id }: { id: number }) {
  const t = useTranslations('users');
  const [state, action, pending] = useActionState(resetPasswordAction, initial);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <h2 className="font-semibold">{t('resetPassword')}</h2>
      <p className="text-sm text-slate-600">{t('temporaryPasswordHint')}</p>
      <FormMessage status={state.status} message={state.message} />
      {state.status === 'success' && state.data?.temporaryPassword ? (
        <p
          role="status"
          className="rounded border border-amber-300 bg-amber-50 p-3 text-sm font-medium"
        >
          {t('temporaryPassword', { password: state.data.temporaryPassword })}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50 disabled:opacity-60"
      >
        {t('resetPassword')}
      </button>
    </form>
  );
}
