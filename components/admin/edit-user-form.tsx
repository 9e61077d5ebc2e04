'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { updateUserAction } from '@/lib/actions/users';
import type { ActionResult } from '@/lib/actions/result';
import type { UserDetail } from '@/lib/data/users';
import type { Role } from '@/lib/permissions';
import { FormField, FormMessage, inputClass } from '@/components/ui/form-field';
import { ProvinceOptions } from '@/components/ui/province-options';

const initial: ActionResult = { status: 'idle' };

export function EditUserForm({
  user,
  roles,
  provinces,
}: {
  user: UserDetail;
  roles: Role[];
  provinces: { code: string; name: string }[];
}) {
  const t = useTranslations('users');
  const tRoles = useTranslations('roles');
  const [state, action, pending] = useActionState(updateUserAction, initial);
  const [role, setRole] = useState<Role>(user.role);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="id" value={user.id} />
      <FormField id="edit-name" label={t('name')} errors={e.name}>
        {(d, invalid) => (
          <input
            id="edit-name"
            name="name"
            defaultValue={user.name}
            required
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id="edit-role" label={t('role')} errors={e.role}>
        {(d, invalid) => (
          <select
            id="edit-role"
            name="role"
            value={role}
            onChange={(ev) => setRole(ev.target.value as Role)}
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          >
            {[...new Set([...roles, user.role])].map((r) => (
              <option key={r} value={r} disabled={!roles.includes(r)}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {role === 'PROVINCE' || role === 'VIEWER' ? (
        <FormField
          id="edit-province"
          label={t('province')}
          hint={t('provinceHint')}
          errors={e.provinceCode}
        >
          {(d, invalid) => (
            <select
              id="edit-province"
              name="provinceCode"
              defaultValue={user.provinceCode ?? ''}
              className={inputClass}
              aria-describedby={d}
              aria-invalid={invalid}
            >
              {role === 'VIEWER' ? <option value="">{t('nationwide')}</option> : null}
              <ProvinceOptions provinces={provinces} />
            </select>
          )}
        </FormField>
      ) : null}
      {role === 'WARD' ? (
        <FormField id="edit-unit" label={t('unit')} hint={t('unitHint')} errors={e.unitCode}>
          {(d, invalid) => (
            <input
              id="edit-unit"
              name="unitCode"
              defaultValue={user.unitCode ?? ''}
              inputMode="numeric"
              className={inputClass}
              aria-describedby={d}
              aria-invalid={invalid}
            />
          )}
        </FormField>
      ) : null}
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
      <div className="sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
        <button
          type="submit"
          disabled={pending}
          className="mt-2 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t('save')}
        </button>
      </div>
    </form>
  );
}
