'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveCalendarAction } from '@/lib/actions/calendar';
import type { ActionResult } from '@/lib/actions/result';
import { deadlineKinds, isClosable } from '@/lib/domain/calendar';
import { ActionForm, Field, FormFooter } from '@/components/ui/form';

/**
 * A year's dates; under registration and submission, whether the Ministry closes the period on
 * the date (then later steps are refused; otherwise they ask for a reason).
 */
export function CalendarForm({
  year,
  dates,
  closes,
}: {
  year: number;
  dates: Record<string, string>;
  closes: readonly string[];
}) {
  const t = useTranslations('calendar');
  const [state, action] = useActionState(saveCalendarAction, { status: 'idle' } as ActionResult);
  return (
    <ActionForm state={state} action={action} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="year" value={year} />
      {deadlineKinds.map((kind) => (
        <div key={kind} className="flex flex-col gap-1">
          <Field
            id={`deadline-${kind}`}
            name={kind}
            type="date"
            label={t(`kinds.${kind}`)}
            hint={t(`hints.${kind}`)}
            defaultValue={dates[kind]}
          />
          {isClosable(kind) ? (
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="closes"
                value={kind}
                defaultChecked={closes.includes(kind)}
                className="mt-1"
              />
              <span>{t(`closes.${kind}`)}</span>
            </label>
          ) : null}
        </div>
      ))}
      <FormFooter label={t('save')} className="sm:col-span-2" />
    </ActionForm>
  );
}
