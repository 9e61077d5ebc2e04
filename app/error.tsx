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
      {/* Only the server's errors carry a code the logs know; one raised in the browser (most
          often a dropped connection) has none, so the page asks for none. */}
      {error.digest ? (
        <>
          <p className="mt-2 text-slate-600">{t('unavailableBody')}</p>
          <p className="mt-2 font-mono text-sm text-slate-700">
            {t('errorId', { id: error.digest })}
          </p>
        </>
      ) : (
        <p className="mt-2 text-slate-600">{t('browserBody')}</p>
      )}
      <Button onClick={reset} className="mt-6">
        {t('retry')}
      </Button>
    </main>
  );
}
