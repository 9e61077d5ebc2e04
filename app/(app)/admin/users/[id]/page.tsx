import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { recordId } from '@/lib/validations/ids';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { getManagedUser } from '@/lib/data/accounts/users';
import { assignableRoles, can } from '@/lib/domain/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { EditUserForm } from '@/components/admin/edit-user-form';
import { ResetPasswordForm, ResetTwoFactorForm } from '@/components/admin/account-reset-forms';
import { listProvinceOptions } from '@/lib/data/units/provinces';
import { withClientMessages } from '@/components/layout/client-messages';

async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const manager = await requirePermission('user.manage');
  const parsed = recordId.safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  // Outside the manager's reach the account does not exist for them.
  const target = await getManagedUser(manager, id);
  if (!target) notFound();
  const [t, provinces] = await Promise.all([
    getTranslations('users'),
    listProvinceOptions(manager),
  ]);
  return (
    <>
      <PageHeader title={t('editTitle', { email: target.email })} />
      <Link
        href="/admin/users"
        className="mb-4 inline-block text-sm text-brand-700 hover:underline"
      >
        ← {t('back')}
      </Link>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <EditUserForm user={target} roles={assignableRoles(manager)} provinces={provinces} />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <ResetPasswordForm id={target.id} />
          {can(manager, 'user.reset_second_factor') ? (
            <div className="mt-6 border-t border-slate-200 pt-5">
              <ResetTwoFactorForm
                id={target.id}
                enabled={target.twoFactorEnabled}
                self={target.id === manager.id}
              />
            </div>
          ) : null}
        </section>
      </div>
    </>
  );
}

export default withClientMessages(EditUserPage, ['roles', 'users']);
