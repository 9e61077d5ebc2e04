'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { designateSuccessorAction } from '@/lib/actions/units';
import { ActionForm, FormMessage, SubmitButton, inputClass } from '@/components/ui/form';

/** Picks which successor a split former unit counts under. */
export function SuccessorForm({
  unitId,
  unitName,
  current,
  successors,
}: {
  unitId: number;
  unitName: string;
  current: number | null;
  successors: { id: number; code: string; fullName: string }[];
}) {
  const t = useTranslations('units');
  const [state, action] = useActionState(designateSuccessorAction, { status: 'idle' });
  const id = `successor-${unitId}`;
  return (
    <ActionForm state={state} action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="unitId" value={unitId} />
      <label htmlFor={id} className="sr-only">
        {t('countsUnderFor', { name: unitName })}
      </label>
      <select
        id={id}
        name="successorId"
        defaultValue={current ?? undefined}
        className={`${inputClass} max-w-xs`}
      >
        {successors.map((s) => (
          <option key={s.id} value={s.id}>
            {s.fullName} ({s.code})
          </option>
        ))}
      </select>
      <SubmitButton>{t('designate')}</SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </ActionForm>
  );
}
