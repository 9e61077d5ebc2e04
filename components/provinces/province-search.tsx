'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';

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
      <div className="flex flex-col gap-1">
        <label htmlFor="province-q" className="text-sm font-medium text-slate-700">
          {t('searchLabel')}
        </label>
        <input
          id="province-q"
          name="q"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="province-q-hint"
          autoComplete="off"
          className="w-72 rounded border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <p id="province-q-hint" className="text-xs text-slate-500">
          {t('searchHint')}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="province-on" className="text-sm font-medium text-slate-700">
          {t('onLabel')}
        </label>
        <input
          id="province-on"
          name="on"
          type="date"
          defaultValue={on}
          min="2021-01-01"
          aria-describedby="province-on-hint"
          className="rounded border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <p id="province-on-hint" className="text-xs text-slate-500">
          {t('onHint')}
        </p>
      </div>
      <button
        type="submit"
        className="mb-5 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
      >
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
