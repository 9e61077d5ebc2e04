import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth';
import { navigationFor } from '@/lib/navigation';
import { AppShell } from '@/components/layout/app-shell';
import { UserMenu } from '@/components/layout/user-menu';
import { AuthSessionProvider } from '@/components/auth/session-provider';

// The shell needs the user for its navigation; each page still checks access itself.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect('/login?notice=expired');
  return (
    <AuthSessionProvider>
      <AppShell
        nav={user.mustChangePassword ? [] : navigationFor(user)}
        userSlot={<UserMenu user={user} />}
      >
        {children}
      </AppShell>
    </AuthSessionProvider>
  );
}
