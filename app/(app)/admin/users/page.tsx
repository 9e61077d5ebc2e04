import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { listUsers } from '@/lib/data/accounts/users';
import { formatDateTime } from '@/lib/i18n/format';
import { assignableRoles, roles } from '@/lib/domain/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { Card } from '@/components/ui/card';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { ChoiceField, Field } from '@/components/ui/form';
import { scopeName } from '@/lib/domain/units';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { readQuery, searchTermSchema } from '@/lib/validations/page-query';
import { QueryNotice } from '@/components/ui/query-notice';
import { z } from 'zod';
import { listProvinceOptions } from '@/lib/data/units/provinces';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('users');

async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('user.view');
  const { query, invalid } = readQuery(await searchParams, {
    q: searchTermSchema,
    role: z.enum(roles),
  });
  const q = query.q ?? '';
  const role = query.role;
  const [t, tRoles, locale, users, provinces] = await Promise.all([
    getTranslations('users'),
    getTranslations('roles'),
    getLocale(),
    listUsers(user, { search: q, role }),
    listProvinceOptions(user),
  ]);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <QueryNotice invalid={invalid} />
      <FilterBar values={{ q, role }} label={t('title')} submitLabel={t('searchButton')}>
        <Field name="q" type="search" label={t('search')} />
        <ChoiceField
          name="role"
          label={t('roleFilter')}
          empty={t('allRoles')}
          choices={roles.map((r) => ({ value: r, label: tRoles(r) }))}
        />
      </FilterBar>
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {t('count', { count: users.length })}
      </p>
      <DataTable
        className="mb-8"
        caption={t('title')}
        rows={users}
        empty={t('none')}
        columns={columnsOf<(typeof users)[number]>()(t, {
          email: { rowHeader: true, className: 'font-normal', cell: (u) => <code>{u.email}</code> },
          name: (u) => u.name,
          role: (u) => tRoles(u.role),
          scope: (u) => scopeName(u, t('nationwide')),
          status: {
            className: 'space-x-1',
            cell: (u) => (
              <>
                <Badge tone={u.isActive ? 'success' : 'neutral'}>
                  {u.isActive ? t('active') : t('inactive')}
                </Badge>
                {u.mustChangePassword ? <Badge tone="warning">{t('mustChange')}</Badge> : null}
              </>
            ),
          },
          lastLogin: {
            className: 'text-slate-600',
            cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('never')),
          },
          edit: {
            hiddenHeader: true,
            align: 'right',
            cell: (u) => (
              <Link
                href={`/admin/users/${u.id}`}
                className="text-brand-700 hover:underline"
                aria-label={`${t('edit')} ${u.email}`}
              >
                {t('edit')}
              </Link>
            ),
          },
        })}
      />
      <Card id="create-user" title={t('createTitle')} className="max-w-2xl">
        <CreateUserForm
          roles={assignableRoles(user)}
          provinces={provinces}
          fixedProvince={user.role === 'PROVINCE' ? user.provinceCode : null}
        />
      </Card>
    </>
  );
}

export default withClientMessages(UsersPage, ['roles', 'users']);
