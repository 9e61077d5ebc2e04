'use client';

import { useTranslations } from 'next-intl';

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
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-brand-700 px-4 py-2 text-white"
      >
        {t('retry')}
      </button>
    </main>
  );
}
