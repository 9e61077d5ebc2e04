'use client';

import Link from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { NavItem } from '@/lib/domain/navigation';

export function MainNav({ items }: { items: NavItem[] }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={t('label')} className="w-full">
      <button
        type="button"
        className="rounded px-2 py-1 text-sm text-white md:hidden"
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpen((v) => !v)}
      >
        {open ? t('closeMenu') : t('openMenu')}
      </button>
      <ul
        id="main-nav-list"
        className={`${open ? 'flex' : 'hidden'} flex-col gap-1 pt-2 md:flex md:flex-row md:flex-wrap md:pt-0`}
      >
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isActive(item.href) ? 'page' : undefined}
              onClick={() => setOpen(false)}
              className={`flex items-center gap-2 rounded px-3 py-2 text-sm font-medium ${
                isActive(item.href) ? 'bg-white text-brand-800' : 'text-brand-50 hover:bg-brand-800'
              }`}
            >
              {t(item.key)}
              {item.badge ? (
                <span className="rounded-full bg-accent-500 px-2 text-xs text-white">
                  {item.badge}
                  <span className="sr-only">
                    {' '}
                    {t(item.key === 'notifications' ? 'unread' : 'waiting', { count: item.badge })}
                  </span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
