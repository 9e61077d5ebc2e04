'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { deleteTargetAction, saveTargetAction } from '@/lib/actions/targets';
import type { ActionResult } from '@/lib/actions/result';
import { FIRST_YEAR, LAST_YEAR } from '@/lib/domain/progress';
import { FormField, FormMessage, inputClass } from '@/components/ui/form-field';
import { ProvinceOptions } from '@/components/ui/province-options';

const initial: ActionResult = { status: 'idle' };

export function TargetForm({ provinces }: { provinces: { code: string; name: string }[] }) {
  const t = useTranslations('targets');
  const [state, action, pending] = useActionState(saveTargetAction, initial);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2">
      <FormField id="target-scope" label={t('scope')} errors={e.provinceCode}>
        {(d, invalid) => (
          <select
            id="target-scope"
            name="provinceCode"
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          >
            <option value="">{t('national')}</option>
            <ProvinceOptions provinces={provinces} />
          </select>
        )}
      </FormField>
      <FormField id="target-year" label={t('year')} errors={e.year}>
        {(d, invalid) => (
          <select
            id="target-year"
            name="year"
            defaultValue={LAST_YEAR}
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          >
            {Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i).map(
              (y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ),
            )}
          </select>
        )}
      </FormField>
      <FormField id="target-kind" label={t('kind')} errors={e.kind}>
        {(d, invalid) => (
          <select
            id="target-kind"
            name="kind"
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          >
            <option value="PERCENT">{t('percent')}</option>
            <option value="COUNT">{t('count')}</option>
          </select>
        )}
      </FormField>
      <FormField id="target-value" label={t('value')} errors={e.value}>
        {(d, invalid) => (
          <input
            id="target-value"
            name="value"
            inputMode="decimal"
            required
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <div className="sm:col-span-2">
        <FormField id="target-source" label={t('source')} errors={e.sourceDocument}>
          {(d, invalid) => (
            <input
              id="target-source"
              name="sourceDocument"
              required
              maxLength={300}
              className={inputClass}
              aria-describedby={d}
              aria-invalid={invalid}
            />
          )}
        </FormField>
      </div>
      <div className="sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
        <button
          type="submit"
          disabled={pending}
          className="mt-2 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t('save')}
        </button>
      </div>
    </form>
  );
}

export function DeleteTargetButton({ id }: { id: number }) {
  const t = useTranslations('targets');
  const [state, action, pending] = useActionState(deleteTargetAction, initial);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="text-sm text-rose-700 hover:underline disabled:opacity-50"
      >
        {t('delete')}
      </button>
      {state.status === 'error' ? (
        <span role="alert" className="ml-2 text-xs text-rose-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
