'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { updateUserAction } from '@/lib/actions/users';
import type { UserDetail } from '@/lib/data/accounts/users';
import type { Role } from '@/lib/domain/permissions';
import { ActionForm, FormFooter } from '@/components/ui/form';
import type { ProvinceOption } from '@/components/ui/options';
import { UserFields } from './user-fields';

export function EditUserForm({
  user,
  roles,
  provinces,
}: {
  user: UserDetail;
  roles: Role[];
  provinces: ProvinceOption[];
}) {
  const t = useTranslations('users');
  const [state, action] = useActionState(updateUserAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="id" value={user.id} />
      <UserFields
        prefix="edit"
        roles={roles}
        provinces={provinces}
        initial={{
          ...user,
          unitLabel: user.unitCode ? `${user.unitName ?? ''} (${user.unitCode})`.trim() : null,
        }}
      />
      <div className="flex items-center gap-2 sm:col-span-2">
        <input
          id="edit-active"
          name="isActive"
          type="checkbox"
          defaultChecked={user.isActive}
          className="h-4 w-4"
        />
        <label htmlFor="edit-active" className="text-sm">
          {t('isActive')}
        </label>
      </div>
      <FormFooter label={t('save')} className="sm:col-span-2" />
    </ActionForm>
  );
}
