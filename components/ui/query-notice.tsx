import { getTranslations } from 'next-intl/server';

/**
 * Says that part of the page's address was dropped as invalid (lib/validations/page-query.ts),
 * or, with `note`, how the page read it instead (a year out of range shown as the nearest one).
 */
export async function QueryNotice({
  invalid,
  note,
}: {
  invalid: readonly string[];
  note?: string;
}) {
  if (invalid.length === 0 && !note) return null;
  const t = await getTranslations('common');
  return (
    <p
      role="status"
      className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      {note ?? t('invalidQuery')}
    </p>
  );
}
