import { can, reachOf, type Scope } from '@/lib/domain/permissions';

/** An entry of the main navigation. */
export interface NavItem {
  href: string;
  key:
    | 'dashboard'
    | 'provinces'
    | 'wards'
    | 'assessments'
    | 'review'
    | 'calendar'
    | 'reports'
    | 'notifications'
    | 'admin';
  badge?: number;
}

/** The main navigation a role sees: only what it may open. */
export function navigationFor(user: Scope): NavItem[] {
  const items: (NavItem & { show: boolean })[] = [
    { href: '/dashboard', key: 'dashboard', show: can(user, 'dashboard.view') },
    { href: '/provinces', key: 'provinces', show: can(user, 'province.view') },
    { href: '/wards', key: 'wards', show: can(user, 'ward.view') },
    { href: '/assessments', key: 'assessments', show: can(user, 'assessment.register') },
    { href: '/review', key: 'review', show: can(user, 'review.queue') },
    { href: '/calendar', key: 'calendar', show: can(user, 'calendar.view') },
    { href: '/reports', key: 'reports', show: can(user, 'report.export') },
    { href: '/notifications', key: 'notifications', show: can(user, 'notification.read') },
    {
      href: '/admin',
      key: 'admin',
      show:
        can(user, 'user.view') ||
        can(user, 'audit.view') ||
        can(user, 'target.manage') ||
        can(user, 'criteria.manage') ||
        can(user, 'unit.manage'),
    },
  ];
  return items.filter((i) => i.show).map(({ show: _show, ...item }) => item);
}

/** Where a user lands after signing in: a province-bound user on their own province's page. */
export function homePathFor(
  user: Scope & { unitCode?: string | null; provinceCode?: string | null },
): string {
  if (user.role === 'WARD' && user.unitCode) return `/wards/${user.unitCode}`;
  if (!can(user, 'dashboard.view')) return '/wards';
  return reachOf(user) === 'province' && user.provinceCode
    ? `/provinces/${user.provinceCode}`
    : '/dashboard';
}

/**
 * Where signing in (or proving who one is again) sends the browser: the page asked for, or, when
 * none was ("/"), the user's home straight away rather than through "/" and a second redirect.
 */
export function landingPath(user: Parameters<typeof homePathFor>[0], asked: string): string {
  return asked === '/' ? homePathFor(user) : asked;
}
