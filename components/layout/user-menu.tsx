import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/lib/data/accounts/session-user';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { wardName } from '@/lib/domain/units';

export async function UserMenu({ user }: { user: SessionUser }) {
  const t = await getTranslations('nav');
  const tRoles = await getTranslations('roles');
  const scope = user.unitName ? wardName(user.unitName) : user.provinceName;
  return (
    <div className="flex items-center gap-2 text-sm">
      <Link
        href="/account"
        className="hidden flex-col items-end leading-tight hover:underline sm:flex"
        title={t('signedInAs', { name: user.name })}
      >
        <span className="font-medium">{user.name}</span>
        <span className="text-xs text-brand-100">
          {tRoles(user.role)}
          {scope ? ` · ${scope}` : ''}
        </span>
      </Link>
      {/* On a phone the name does not fit: the account page (password, two-factor, sessions) is one tap. */}
      <Link href="/account" className="rounded px-2 py-1 underline sm:hidden">
        {t('account')}
      </Link>
      <SignOutButton />
    </div>
  );
}
