'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { bulkTransitionAction } from '@/lib/actions/assessments';
import type { ActionResult } from '@/lib/actions/result';
import type { BulkStep } from '@/lib/domain/workflow';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormMessage } from '@/components/ui/form';

const formId = (step: BulkStep) => `bulk-${step}`;

/** The tick on a queue row: it belongs to the form of the one step open from its status. */
export function BulkTick({ step, id, ward }: { step: BulkStep; id: number; ward: string }) {
  const t = useTranslations('review');
  return (
    <input
      type="checkbox"
      form={formId(step)}
      name="assessmentId"
      value={id}
      aria-label={t('tick', { ward })}
      className="h-4 w-4"
    />
  );
}

/**
 * One step on the dossiers ticked in the queue (propose, start inspection): a button that asks
 * for confirmation, "tick the whole page", and the outcome, naming any dossier not moved and why.
 */
export function BulkStepForm({ step }: { step: BulkStep }) {
  const t = useTranslations('review');
  const [state, action] = useActionState(bulkTransitionAction, {
    status: 'idle',
  } as ActionResult);
  const tickPage = (on: boolean) => {
    // Only the ticks on screen: the table on a computer, the cards on a phone.
    for (const box of document.querySelectorAll<HTMLInputElement>(
      `input[type=checkbox][form="${formId(step)}"]`,
    ))
      if (box.offsetParent !== null) box.checked = on;
  };
  return (
    <form
      id={formId(step)}
      action={action}
      className="flex flex-wrap items-center gap-2"
      data-testid={formId(step)}
    >
      <input type="hidden" name="name" value={step} />
      <ConfirmDialog label={t(`bulk.${step}`)} message={t(`bulk.confirm.${step}`)} />
      <Button type="button" variant="compact" onClick={() => tickPage(true)}>
        {t('bulk.tickPage')}
      </Button>
      <Button type="button" variant="compact" onClick={() => tickPage(false)}>
        {t('bulk.untick')}
      </Button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
