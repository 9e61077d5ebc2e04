'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { designateSuccessorAction } from '@/lib/actions/units';
import type { ActionResult } from '@/lib/actions/result';
import { FormMessage, inputClass } from '@/components/ui/form-field';

const initial: ActionResult = { status: 'idle' };

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
  const [state, action, pending] = useActionState(designateSuccessorAction, initial);
  const id = `successor-${unitId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
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
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t('designate')}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
