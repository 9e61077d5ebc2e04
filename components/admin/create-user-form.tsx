'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createUserAction } from '@/lib/actions/users';
import type { Role } from '@/lib/domain/permissions';
import { ActionForm, Field, FormFooter } from '@/components/ui/form';
import type { ProvinceOption } from '@/components/ui/options';
import { HandoverLink } from './handover-link';
import { UserFields } from './user-fields';

export function CreateUserForm({
  roles,
  provinces,
  fixedProvince,
}: {
  roles: Role[];
  provinces: ProvinceOption[];
  fixedProvince: string | null;
}) {
  const t = useTranslations('users');
  const [state, action] = useActionState(createUserAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="grid gap-4 sm:grid-cols-2">
      <Field id="new-email" name="email" type="email" label={t('email')} required />
      <UserFields
        prefix="new"
        roles={roles}
        provinces={provinces}
        initial={{ role: roles[0] ?? 'WARD', provinceCode: fixedProvince }}
      />
      <FormFooter label={t('create')} className="sm:col-span-2">
        {state.status === 'success' && state.data?.handoverPath ? (
          <HandoverLink path={state.data.handoverPath} />
        ) : null}
      </FormFooter>
    </ActionForm>
  );
}
