'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('nav');
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/login?notice=signedOut' })}
      className="rounded px-2 py-1 text-sm text-brand-50 hover:bg-brand-800"
    >
      {t('signOut')}
    </button>
  );
}
