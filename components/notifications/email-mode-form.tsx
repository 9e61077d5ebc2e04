'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { emailModeAction } from '@/lib/actions/notifications';
import type { ActionResult } from '@/lib/actions/result';
import { RadioGroup } from '@/components/ui/choice-groups';
import { ActionForm, FormFooter } from '@/components/ui/form';

const modes = ['OFF', 'IMMEDIATE', 'DAILY'] as const;

export function EmailModeForm({ mode, configured }: { mode: string; configured: boolean }) {
  const t = useTranslations('notifications');
  const [state, action] = useActionState(emailModeAction, { status: 'idle' } as ActionResult);
  return (
    <ActionForm state={state} action={action} className="flex flex-col gap-3">
      {configured ? null : <p className="text-sm text-amber-800">{t('mailOff')}</p>}
      <RadioGroup
        name="mode"
        legend={t('emailLegend')}
        value={mode}
        options={modes.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
      />
      <FormFooter label={t('saveEmail')} variant="secondary" />
    </ActionForm>
  );
}
