import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { getRegistrationOverview } from '@/lib/data/assessments/registration';
import { FIRST_YEAR, LAST_YEAR, defaultYear } from '@/lib/domain/progress';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { PageHeader } from '@/components/ui/page-header';
import { FilterBar } from '@/components/ui/filter-bar';
import { RegistrationForm } from '@/components/assessments/registration-form';
import { ProvinceField, YearField } from '@/components/ui/options';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { listProvinceOptions } from '@/lib/data/units/provinces';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('registration');

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

async function RegistrationPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('assessment.register');
  const params = await searchParams;
  const provinces = await listProvinceOptions(user);
  const requested = first(params.province);
  const provinceCode = provinces.some((p) => p.code === requested)
    ? requested
    : (user.provinceCode ?? provinces[0]?.code);
  const yearParam = Number(first(params.year));
  // A year outside the programme falls back to the current one.
  const year =
    Number.isInteger(yearParam) && yearParam >= FIRST_YEAR && yearParam <= LAST_YEAR
      ? yearParam
      : defaultYear();
  if (!provinceCode) notFound();
  const overview = await getRegistrationOverview(user, provinceCode, year);
  if (!overview) notFound();
  const [t, tImports, locale] = await Promise.all([
    getTranslations('registration'),
    getTranslations('imports'),
    getLocale(),
  ]);
  const target = overview.target;
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <FilterBar
        values={{ province: provinceCode, year }}
        label={t('title')}
        submitLabel={t('show')}
      >
        {provinces.length > 1 ? (
          <ProvinceField provinces={provinces} label={t('province')} />
        ) : (
          <input type="hidden" name="province" value={provinceCode} />
        )}
        <YearField label={t('year')} />
      </FilterBar>
      <div className="mb-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <p className="text-lg font-semibold">
          {overview.province.name} ·{' '}
          {t('registered', { count: overview.registered, total: overview.wards.length })}
        </p>
        <p className="text-slate-600">
          {target
            ? t('target', {
                year: target.year,
                wards: target.wards,
                text:
                  target.kind === 'PERCENT'
                    ? `${formatNumber(target.value, locale, 1)}%`
                    : formatNumber(target.value, locale),
                origin: t(`targetOrigin.${target.origin}`),
              })
            : t('noTarget', { year })}
        </p>
      </div>
      {!overview.hasCriteriaSet ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-4 text-sm">
          {t('noCriteriaSet', { year })}
        </p>
      ) : (
        <RegistrationForm
          year={year}
          wards={overview.wards}
          late={
            overview.late
              ? { due: formatDate(overview.late.due, locale), closed: overview.late.closed }
              : null
          }
        />
      )}
      <p className="mt-4 text-sm">
        <Link href="/assessments/import" className="text-brand-700 hover:underline">
          → {tImports('link')}
        </Link>
      </p>
    </>
  );
}

export default withClientMessages(RegistrationPage, ['registration', 'states', 'statuses']);
