import { getTranslations } from 'next-intl/server';

/** Says that part of the page's address was dropped as invalid (lib/validations/page-query.ts). */
export async function QueryNotice({ invalid }: { invalid: readonly string[] }) {
  if (invalid.length === 0) return null;
  const t = await getTranslations('common');
  return (
    <p role="status" className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t('invalidQuery')}
    </p>
  );
}
