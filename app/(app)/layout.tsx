import { redirect } from 'next/navigation';
import { getCurrentUser, getLiveSession } from '@/lib/auth/current-user';
import { countReviewQueue } from '@/lib/data/assessments/queue';
import { countUnread } from '@/lib/data/notifications/inbox';
import { navigationFor } from '@/lib/domain/navigation';
import { AppShell } from '@/components/layout/app-shell';
import { UserMenu } from '@/components/layout/user-menu';

// The shell needs the user for its navigation; each page still checks access itself.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect((await getLiveSession()) ? '/login/verify' : '/login?notice=expired');
  const [waiting, unread] = user.setupOwed
    ? [0, 0]
    : await Promise.all([countReviewQueue(user), countUnread(user.id)]);
  const badges: Partial<Record<string, number>> = { review: waiting, notifications: unread };
  const nav = user.setupOwed
    ? []
    : navigationFor(user).map((item) =>
        badges[item.key] ? { ...item, badge: badges[item.key] } : item,
      );
  return (
    <AppShell nav={nav} userSlot={<UserMenu user={user} />}>
      {children}
    </AppShell>
  );
}
