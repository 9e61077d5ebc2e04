import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { DemoBanner } from './demo-banner';
import { LanguageSwitch } from './language-switch';
import type { NavItem } from '@/lib/domain/navigation';
import { MainNav } from './main-nav';

export async function AppShell({
  nav,
  userSlot,
  children,
}: {
  nav: NavItem[];
  userSlot?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = await getTranslations('app');
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('skipToContent')}
      </a>
      <DemoBanner />
      <header className="bg-brand-900 text-white shadow print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
            <span
              aria-hidden="true"
              className="inline-block h-6 w-6 rounded-full border-2 border-yellow-300 bg-accent-500"
            />
            {t('name')}
          </Link>
          {/* The menu has its own row: every role's items fit on one line from tablet width. */}
          <div className="order-3 w-full">
            <MainNav items={nav} />
          </div>
          <div className="order-2 flex items-center gap-3">
            {userSlot}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white py-3 text-center text-xs text-slate-500 print:hidden">
        {t('tagline')}
      </footer>
    </div>
  );
}
