import { useTranslations } from 'next-intl';
import type { DashboardQuery } from '@/lib/validations/dashboard';

export function QueryNotice({ query }: { query: DashboardQuery }) {
  const t = useTranslations('dashboard');
  if (!query.requestedYear && !query.hadInvalid) return null;
  return (
    <p
      role="status"
      className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      {query.requestedYear
        ? t('yearNotice', { requested: query.requestedYear, year: query.year })
        : t('queryNotice')}
    </p>
  );
}
