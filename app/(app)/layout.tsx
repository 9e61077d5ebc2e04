import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth';
import { countReviewQueue } from '@/lib/data/assessments';
import { navigationFor } from '@/lib/navigation';
import { AppShell } from '@/components/layout/app-shell';
import { UserMenu } from '@/components/layout/user-menu';
import { AuthSessionProvider } from '@/components/auth/session-provider';

// The shell needs the user for its navigation; each page still checks access itself.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect('/login?notice=expired');
  const waiting = user.mustChangePassword ? 0 : await countReviewQueue(user);
  const nav = user.mustChangePassword
    ? []
    : navigationFor(user).map((item) =>
        item.key === 'review' && waiting > 0 ? { ...item, badge: waiting } : item,
      );
  return (
    <AuthSessionProvider>
      <AppShell nav={nav} userSlot={<UserMenu user={user} />}>
        {children}
      </AppShell>
    </AuthSessionProvider>
  );
}
