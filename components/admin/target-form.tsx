'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveTargetAction } from '@/lib/actions/targets';
import { LAST_YEAR } from '@/lib/domain/progress';
import { ActionForm, ChoiceField, Field, FormFooter } from '@/components/ui/form';
import { ProvinceField, YearField, type ProvinceOption } from '@/components/ui/options';

export function TargetForm({ provinces }: { provinces: ProvinceOption[] }) {
  const t = useTranslations('targets');
  const [state, action] = useActionState(saveTargetAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="grid gap-4 sm:grid-cols-2">
      <ProvinceField
        id="target-scope"
        name="provinceCode"
        label={t('scope')}
        empty={t('national')}
        provinces={provinces}
      />
      <YearField id="target-year" label={t('year')} defaultValue={String(LAST_YEAR)} />
      <ChoiceField
        id="target-kind"
        name="kind"
        label={t('kind')}
        choices={[
          { value: 'PERCENT', label: t('percent') },
          { value: 'COUNT', label: t('count') },
        ]}
      />
      <Field id="target-value" name="value" label={t('value')} inputMode="decimal" required />
      <Field
        id="target-source"
        name="sourceDocument"
        label={t('source')}
        required
        maxLength={300}
        className="sm:col-span-2"
      />
      <FormFooter label={t('save')} className="sm:col-span-2" />
    </ActionForm>
  );
}
