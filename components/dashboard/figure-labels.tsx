import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/i18n/format';
import type { DashboardQuery } from '@/lib/validations/dashboard';
import { QueryNotice } from '@/components/ui/query-notice';

/**
 * What every figure of a dashboard is labelled with: what it counts (recognised, or recognised
 * and attaining), its stamp (official or provisional) and the date of its data.
 */
export async function figureLabels(view: { model: { official: boolean }; dataDate: Date }) {
  const [t, locale] = await Promise.all([getTranslations('dashboard'), getLocale()]);
  const { official } = view.model;
  return {
    t,
    locale,
    countedLabel: official ? t('recognised') : t('provisionalCounted'),
    stamp: official ? t('stampOfficial') : t('stampProvisional'),
    dataDate: t('dataDate', { date: formatDateTime(view.dataDate, locale) }),
  };
}

/** A dashboard's address read otherwise than typed: a part dropped, or a year out of range. */
export async function DashboardQueryNotice({ query }: { query: DashboardQuery }) {
  const t = await getTranslations('dashboard');
  return (
    <QueryNotice
      invalid={query.hadInvalid ? ['query'] : []}
      note={
        query.requestedYear
          ? t('yearNotice', { requested: query.requestedYear, year: query.year })
          : undefined
      }
    />
  );
}
