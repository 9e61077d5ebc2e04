'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { issueTokenAction } from '@/lib/actions/api-tokens';
import { ActionForm, Field, FormFooter } from '@/components/ui/form';
import { ProvinceField, type ProvinceOption } from '@/components/ui/options';
import { ShownOnce } from '@/components/ui/shown-once';

export function IssueTokenForm({ provinces }: { provinces: ProvinceOption[] }) {
  const t = useTranslations('tokens');
  const [state, action] = useActionState(issueTokenAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="grid gap-4 sm:grid-cols-3">
      <Field id="token-name" name="name" label={t('name')} required maxLength={100} />
      <ProvinceField
        id="token-scope"
        name="provinceCode"
        label={t('scope')}
        empty={t('nationwide')}
        provinces={provinces}
      />
      <Field
        id="token-days"
        name="expiresInDays"
        label={t('expires')}
        hint={t('expiresHint')}
        inputMode="numeric"
      />
      <FormFooter label={t('issue')} className="sm:col-span-3">
        {state.status === 'success' && state.data?.token ? (
          <ShownOnce title={t('shownOnce')}>
            <code className="break-all" data-testid="new-token">
              {state.data.token}
            </code>
          </ShownOnce>
        ) : null}
      </FormFooter>
    </ActionForm>
  );
}
