'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { issueTokenAction, revokeTokenAction } from '@/lib/actions/api-tokens';
import type { ActionResult } from '@/lib/actions/result';
import { FormField, FormMessage, inputClass } from '@/components/ui/form-field';
import { ProvinceOptions } from '@/components/ui/province-options';

export function IssueTokenForm({ provinces }: { provinces: { code: string; name: string }[] }) {
  const t = useTranslations('tokens');
  const [state, action, pending] = useActionState(issueTokenAction, {
    status: 'idle',
  } as ActionResult<{ token: string }>);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-3">
      <FormField id="token-name" label={t('name')} errors={e.name}>
        {(d, invalid) => (
          <input
            id="token-name"
            name="name"
            required
            maxLength={100}
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id="token-scope" label={t('scope')} errors={e.provinceCode}>
        {(d, invalid) => (
          <select
            id="token-scope"
            name="provinceCode"
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          >
            <option value="">{t('nationwide')}</option>
            <ProvinceOptions provinces={provinces} />
          </select>
        )}
      </FormField>
      <FormField
        id="token-days"
        label={t('expires')}
        hint={t('expiresHint')}
        errors={e.expiresInDays}
      >
        {(d, invalid) => (
          <input
            id="token-days"
            name="expiresInDays"
            inputMode="numeric"
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <div className="sm:col-span-3">
        <FormMessage status={state.status} message={state.message} />
        {state.status === 'success' && state.data?.token ? (
          <div
            role="status"
            className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm"
          >
            <p className="font-medium">{t('shownOnce')}</p>
            <code className="break-all" data-testid="new-token">
              {state.data.token}
            </code>
          </div>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="mt-2 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t('issue')}
        </button>
      </div>
    </form>
  );
}

export function RevokeTokenButton({ id }: { id: number }) {
  const t = useTranslations('tokens');
  const [state, action, pending] = useActionState(revokeTokenAction, {
    status: 'idle',
  } as ActionResult);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="text-sm text-rose-700 hover:underline disabled:opacity-50"
      >
        {t('revoke')}
      </button>
      {state.status === 'error' ? (
        <span role="alert" className="ml-2 text-xs text-rose-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
