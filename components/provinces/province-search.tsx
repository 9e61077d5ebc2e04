'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/form';

/** A GET form (works without JavaScript) that also refreshes the results while typing. */
export function ProvinceSearch({ initialQuery, on }: { initialQuery: string; on: string }) {
  const t = useTranslations('provinces');
  const router = useRouter();
  const pathname = usePathname();
  const [query, setQuery] = useState(initialQuery);
  const [isPending, startTransition] = useTransition();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      const params = new URLSearchParams();
      if (query.trim()) params.set('q', query.trim());
      if (on) params.set('on', on);
      const search = params.toString();
      startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname));
    }, 250);
    return () => clearTimeout(timer);
  }, [query, on, pathname, router]);

  return (
    <form
      role="search"
      action={pathname}
      method="get"
      className="mb-4 flex flex-wrap items-end gap-2"
    >
      <Field
        id="province-q"
        name="q"
        type="search"
        label={t('searchLabel')}
        hint={t('searchHint')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
      />
      <Field
        id="province-on"
        name="on"
        type="date"
        label={t('onLabel')}
        hint={t('onHint')}
        defaultValue={on}
        min="2021-01-01"
      />
      <button type="submit" className={buttonClass('primary', 'mb-5')}>
        {t('searchButton')}
      </button>
      {isPending ? (
        <span className="mb-6 text-xs text-slate-500" aria-hidden="true">
          …
        </span>
      ) : null}
    </form>
  );
}
