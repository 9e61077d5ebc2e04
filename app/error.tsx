'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations('errors');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center" role="alert">
      <h1 className="text-2xl font-bold">{t('unavailableTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('unavailableBody')}</p>
      {error.digest ? (
        <p className="mt-2 font-mono text-xs text-slate-500">
          {t('errorId', { id: error.digest })}
        </p>
      ) : null}
      <Button onClick={reset} className="mt-6">
        {t('retry')}
      </Button>
    </main>
  );
}
