'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { Role } from '@/lib/domain/permissions';
import { memberOf } from '@/lib/domain/vocabulary';
import { Field, SelectField } from '@/components/ui/form';
import { ProvinceField, type ProvinceOption } from '@/components/ui/options';
import { UnitPicker } from '@/components/ui/unit-picker';

/**
 * The fields a user account shares between creating and editing it: name, role, and the scope
 * the role needs (a province, or a ward's code). `prefix` keeps the two forms' ids apart.
 */
export function UserFields({
  prefix,
  roles,
  provinces,
  initial,
}: {
  prefix: 'new' | 'edit';
  roles: Role[];
  provinces: ProvinceOption[];
  initial: {
    name?: string;
    role: Role;
    provinceCode?: string | null;
    unitCode?: string | null;
    /** The ward as people read it: "Phường Hạc Thành (40001)". */
    unitLabel?: string | null;
  };
}) {
  const t = useTranslations('users');
  const tRoles = useTranslations('roles');
  const [role, setRole] = useState<Role>(initial.role);
  return (
    <>
      <Field
        id={`${prefix}-name`}
        name="name"
        label={t('name')}
        defaultValue={initial.name}
        required
      />
      <SelectField
        id={`${prefix}-role`}
        name="role"
        label={t('role')}
        value={role}
        onChange={(ev) => {
          if (memberOf(roles, ev.target.value)) setRole(ev.target.value);
        }}
      >
        {[...new Set([...roles, initial.role])].map((r) => (
          <option key={r} value={r} disabled={!roles.includes(r)}>
            {tRoles(r)}
          </option>
        ))}
      </SelectField>
      {role === 'PROVINCE' || role === 'VIEWER' ? (
        <ProvinceField
          id={`${prefix}-province`}
          name="provinceCode"
          label={t('province')}
          hint={t('provinceHint')}
          defaultValue={initial.provinceCode ?? ''}
          empty={role === 'VIEWER' ? t('nationwide') : undefined}
          provinces={provinces}
        />
      ) : null}
      {role === 'WARD' ? (
        <UnitPicker
          id={`${prefix}-unit`}
          name="unitCode"
          label={t('unit')}
          hint={t('unitHint')}
          defaultCode={initial.unitCode ?? ''}
          defaultLabel={initial.unitLabel ?? ''}
        />
      ) : null}
    </>
  );
}
