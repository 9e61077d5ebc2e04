'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { reauthenticateAction } from '@/lib/actions/account';
import { ActionForm, Field, FormFooter } from '@/components/ui/form';
import { CodeField } from './verify-form';

/** The password again, or (with two-factor sign-in) a code: either proves it is you. */
export function ReauthForms({
  returnTo,
  withCode,
  email,
}: {
  returnTo: string;
  withCode: boolean;
  email: string;
}) {
  const t = useTranslations('reauth');
  const [byPassword, passwordAction] = useActionState(reauthenticateAction, { status: 'idle' });
  const [byCode, codeAction] = useActionState(reauthenticateAction, { status: 'idle' });
  return (
    <div className="flex max-w-3xl flex-col gap-8 md:flex-row">
      <ActionForm state={byPassword} action={passwordAction} className="flex-1 space-y-3">
        <input type="hidden" name="returnTo" value={returnTo} />
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <Field
          id="reauth-password"
          name="password"
          type="password"
          label={t('password')}
          autoComplete="current-password"
          required
        />
        <FormFooter label={t('submitPassword')} />
      </ActionForm>
      {withCode ? (
        <ActionForm state={byCode} action={codeAction} className="flex-1 space-y-3">
          <input type="hidden" name="returnTo" value={returnTo} />
          <CodeField label={t('code')} />
          <FormFooter label={t('submitCode')} variant="secondary" />
        </ActionForm>
      ) : null}
    </div>
  );
}
