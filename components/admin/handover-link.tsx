'use client';

import { useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';
import { CopyButton } from '@/components/ui/copy-button';
import { ShownOnce } from '@/components/ui/shown-once';

/** A new account's (or a reset account's) one-time handover link, shown once with a copy button. */
export function HandoverLink({ path }: { path: string }) {
  const t = useTranslations('users');
  // The page's own address, known only in the browser (the server renders the path alone).
  const origin = useSyncExternalStore(
    () => () => {},
    () => window.location.origin,
    () => '',
  );
  const url = `${origin}${path}`;
  return (
    <ShownOnce title={t('handoverTitle')} hint={t('handoverHint')}>
      <div className="my-2 flex flex-wrap items-center gap-2">
        <input
          readOnly
          aria-label={t('handoverTitle')}
          value={url}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={url} />
      </div>
    </ShownOnce>
  );
}
