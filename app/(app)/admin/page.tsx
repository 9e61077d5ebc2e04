import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/domain/permissions';
import { PageHeader } from '@/components/ui/page-header';

export default async function AdminPage() {
  const user = await requireUser();
  const t = await getTranslations('admin');
  const sections = [
    {
      href: '/admin/users',
      title: t('users'),
      intro: t('usersIntro'),
      show: can(user, 'user.view'),
    },
    {
      href: '/admin/audit',
      title: t('audit'),
      intro: t('auditIntro'),
      show: can(user, 'audit.view'),
    },
    {
      href: '/admin/targets',
      title: t('targets'),
      intro: t('targetsIntro'),
      show: can(user, 'target.manage'),
    },
    {
      href: '/admin/tokens',
      title: t('tokens'),
      intro: t('tokensIntro'),
      show: can(user, 'apitoken.manage'),
    },
    {
      href: '/admin/units',
      title: t('units'),
      intro: t('unitsIntro'),
      show: can(user, 'unit.manage'),
    },
    {
      href: '/admin/criteria',
      title: t('criteria'),
      intro: t('criteriaIntro'),
      show: can(user, 'criteria.manage'),
    },
  ].filter((s) => s.show);
  if (sections.length === 0) notFound();
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-600"
            >
              <h2 className="font-semibold text-brand-800">{s.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{s.intro}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
