'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createUserAction } from '@/lib/actions/users';
import type { ActionResult } from '@/lib/actions/result';
import type { Role } from '@/lib/permissions';
import { FormField, FormMessage, inputClass } from '@/components/ui/form-field';
import { ProvinceOptions } from '@/components/ui/province-options';

type Created = { id: number; temporaryPassword?: string };
const initial: ActionResult<Created> = { status: 'idle' };

export function CreateUserForm({
  roles,
  provinces,
  fixedProvince,
}: {
  roles: Role[];
  provinces: { code: string; name: string }[];
  fixedProvince: string | null;
}) {
  const t = useTranslations('users');
  const tRoles = useTranslations('roles');
  const [state, action, pending] = useActionState(createUserAction, initial);
  const [role, setRole] = useState<Role>(roles[0] ?? 'WARD');
  const e = state.fieldErrors ?? {};
  const needsProvince = role === 'PROVINCE' || role === 'VIEWER';
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2">
      <FormField id="new-email" label={t('email')} errors={e.email}>
        {(d, invalid) => (
          <input
            id="new-email"
            name="email"
            type="email"
            required
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id="new-name" label={t('name')} errors={e.name}>
        {(d, invalid) => (
          <input
            id="new-name"
            name="name"
            required
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id="new-role" label={t('role')} errors={e.role}>
        {(d, invalid) => (
          <select
            id="new-role"
            name="role"
            value={role}
            onChange={(ev) => setRole(ev.target.value as Role)}
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {needsProvince ? (
        <FormField
          id="new-province"
          label={t('province')}
          hint={t('provinceHint')}
          errors={e.provinceCode}
        >
          {(d, invalid) => (
            <select
              id="new-province"
              name="provinceCode"
              defaultValue={fixedProvince ?? ''}
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
        <FormField id="new-unit" label={t('unit')} hint={t('unitHint')} errors={e.unitCode}>
          {(d, invalid) => (
            <input
              id="new-unit"
              name="unitCode"
              inputMode="numeric"
              pattern="\d{5}"
              className={inputClass}
              aria-describedby={d}
              aria-invalid={invalid}
            />
          )}
        </FormField>
      ) : null}
      <div className="sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
        {state.status === 'success' && state.data?.temporaryPassword ? (
          <div
            role="status"
            className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm"
          >
            <p className="font-medium">
              {t('temporaryPassword', { password: state.data.temporaryPassword })}
            </p>
            <p className="text-amber-900">{t('temporaryPasswordHint')}</p>
          </div>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="mt-2 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t('create')}
        </button>
      </div>
    </form>
  );
}
