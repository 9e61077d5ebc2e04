'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveCalendarAction } from '@/lib/actions/calendar';
import type { ActionResult } from '@/lib/actions/result';
import { deadlineKinds } from '@/lib/domain/calendar';
import { ActionForm, Field, FormFooter } from '@/components/ui/form';

export function CalendarForm({ year, dates }: { year: number; dates: Record<string, string> }) {
  const t = useTranslations('calendar');
  const [state, action] = useActionState(saveCalendarAction, { status: 'idle' } as ActionResult);
  return (
    <ActionForm state={state} action={action} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="year" value={year} />
      {deadlineKinds.map((kind) => (
        <Field
          key={kind}
          id={`deadline-${kind}`}
          name={kind}
          type="date"
          label={t(`kinds.${kind}`)}
          hint={t(`hints.${kind}`)}
          defaultValue={dates[kind]}
        />
      ))}
      <FormFooter label={t('save')} className="sm:col-span-2" />
    </ActionForm>
  );
}
