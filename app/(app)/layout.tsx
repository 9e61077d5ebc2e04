import { AppShell } from '@/components/layout/app-shell';
import type { NavItem } from '@/components/layout/main-nav';

const nav: NavItem[] = [
  { href: '/dashboard', key: 'dashboard' },
  { href: '/provinces', key: 'provinces' },
  { href: '/wards', key: 'wards' },
  { href: '/reports', key: 'reports' },
  { href: '/admin', key: 'admin' },
];

export default function SignedInLayout({ children }: { children: React.ReactNode }) {
  return <AppShell nav={nav}>{children}</AppShell>;
}
