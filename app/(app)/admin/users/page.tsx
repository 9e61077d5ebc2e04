import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listProvinceOptions, listUsers } from '@/lib/data/users';
import { formatDateTime } from '@/lib/format';
import { assignableRoles, roles, type Role } from '@/lib/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { inputClass } from '@/components/ui/form-field';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function UsersPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission('user.view');
  const params = await searchParams;
  const q = first(params.q).slice(0, 100);
  const roleParam = first(params.role);
  const role = (roles as readonly string[]).includes(roleParam) ? (roleParam as Role) : undefined;
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
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="users-q" className="text-sm font-medium">
            {t('search')}
          </label>
          <input
            id="users-q"
            name="q"
            type="search"
            defaultValue={q}
            className={`${inputClass} w-64`}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="users-role" className="text-sm font-medium">
            {t('roleFilter')}
          </label>
          <select id="users-role" name="role" defaultValue={role ?? ''} className={inputClass}>
            <option value="">{t('allRoles')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-slate-700 px-4 py-2 text-sm text-white">
          {t('searchButton')}
        </button>
      </form>
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {t('count', { count: users.length })}
      </p>
      <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('email')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('name')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('role')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('scope')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('status')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('lastLogin')}
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t('edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-slate-500">
                  {t('none')}
                </td>
              </tr>
            ) : (
              users.map((u) => (
                <tr key={u.id}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <code>{u.email}</code>
                  </th>
                  <td className="px-3 py-2">{u.name}</td>
                  <td className="px-3 py-2">{tRoles(u.role)}</td>
                  <td className="px-3 py-2">
                    {u.unitName ? `Phường ${u.unitName}` : (u.provinceName ?? t('nationwide'))}
                  </td>
                  <td className="px-3 py-2 space-x-1">
                    <Badge tone={u.isActive ? 'success' : 'neutral'}>
                      {u.isActive ? t('active') : t('inactive')}
                    </Badge>
                    {u.mustChangePassword ? <Badge tone="warning">{t('mustChange')}</Badge> : null}
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('never')}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Link
                      href={`/admin/users/${u.id}`}
                      className="text-brand-700 hover:underline"
                      aria-label={`${t('edit')} ${u.email}`}
                    >
                      {t('edit')}
                    </Link>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <section
        aria-labelledby="create-user"
        className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="create-user" className="mb-4 text-lg font-semibold">
          {t('createTitle')}
        </h2>
        <CreateUserForm
          roles={assignableRoles(user)}
          provinces={provinces}
          fixedProvince={user.role === 'PROVINCE' ? user.provinceCode : null}
        />
      </section>
    </>
  );
}
