import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/lib/actions/auth';

/** A form, so signing out works before hydration too; the session ends on the server. */
export async function SignOutButton() {
  const t = await getTranslations('nav');
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded px-2 py-1 text-sm text-brand-50 hover:bg-brand-800">
        {t('signOut')}
      </button>
    </form>
  );
}
