import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { listWards } from '@/lib/data/units/wards';
import { unitPath } from '@/lib/domain/units';
import { formatDate } from '@/lib/i18n/format';
import { can } from '@/lib/domain/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { Field } from '@/components/ui/form';
import { StatusBadge } from '@/components/assessments/status-badge';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { readQuery, searchTermSchema } from '@/lib/validations/page-query';
import { QueryNotice } from '@/components/ui/query-notice';

export const generateMetadata = titled('wards');

export default async function WardsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('ward.view');
  const { query, invalid } = readQuery(await searchParams, { q: searchTermSchema });
  const q = query.q ?? '';
  const [t, locale, wards] = await Promise.all([
    getTranslations('wards'),
    getLocale(),
    listWards(user, q),
  ]);
  return (
    <>
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={
          can(user, 'assessment.register') ? (
            <Link href="/assessments" className={buttonClass()}>
              {t('registration')}
            </Link>
          ) : null
        }
      />
      <QueryNotice invalid={invalid} />
      <FilterBar values={{ q }} label={t('title')} submitLabel={t('searchButton')}>
        <Field name="q" type="search" label={t('search')} />
      </FilterBar>
      <DataTable
        caption={t('title')}
        rows={wards}
        rowKey={(w) => `${w.code}/${w.validTo?.toISOString() ?? ''}`}
        empty={t('none')}
        columns={columnsOf<(typeof wards)[number]>()(t, {
          ward: {
            rowHeader: true,
            cell: (w) => (
              <>
                <Link href={unitPath(w)} className="text-brand-700 hover:underline">
                  {w.fullName}
                </Link>{' '}
                {w.validTo ? (
                  <Badge tone="warning">
                    {t('formerUntil', { date: formatDate(w.validTo, locale) })}
                  </Badge>
                ) : null}
                {w.became.length > 0 ? (
                  <span className="block text-xs font-normal text-slate-600">
                    {t('became', {
                      list: w.became
                        .map((b) =>
                          b.isDesignated ? b.fullName : `${b.fullName} (${t('partOnly')})`,
                        )
                        .join(', '),
                    })}
                  </span>
                ) : null}
              </>
            ),
          },
          province: (w) => `${w.districtName ? `${w.districtName}, ` : ''}${w.province.name}`,
          latest: (w) =>
            w.latest ? (
              <span className="flex flex-wrap items-center gap-2">
                {w.latest.year} · {w.latest.metCount}/{w.latest.totalCriteria}{' '}
                <StatusBadge status={w.latest.status} />
              </span>
            ) : (
              '—'
            ),
        })}
      />
    </>
  );
}
