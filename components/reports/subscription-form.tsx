'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { subscribeAction } from '@/lib/actions/subscriptions';
import type { ActionResult } from '@/lib/actions/result';
import { packCadences, packFormats } from '@/lib/domain/subscriptions';
import { ActionForm, FormFooter, SelectField } from '@/components/ui/form';
import { ProvinceField } from '@/components/ui/options';

/** Subscribes to a briefing pack by e-mail: scope, file format and cadence. */
export function SubscriptionForm({
  provinces,
  nationwide,
}: {
  provinces: { code: string; name: string }[];
  nationwide: boolean;
}) {
  const t = useTranslations('subscriptions');
  const [state, action] = useActionState(subscribeAction, { status: 'idle' } as ActionResult);
  return (
    <ActionForm state={state} action={action} className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <ProvinceField
          id="subscription-scope"
          label={t('scope')}
          defaultValue={nationwide ? '' : provinces[0]?.code}
          empty={nationwide ? t('nation') : undefined}
          provinces={provinces}
        />
        <SelectField id="subscription-format" name="format" label={t('format')}>
          {packFormats.map((f) => (
            <option key={f} value={f}>
              {t(`formats.${f}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="subscription-cadence" name="cadence" label={t('cadence')}>
          {packCadences.map((c) => (
            <option key={c} value={c}>
              {t(`cadences.${c}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <FormFooter label={t('subscribe')} variant="secondary" />
    </ActionForm>
  );
}
