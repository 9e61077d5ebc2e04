import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listSplitUnits } from '@/lib/data/successors';
import { countUnitsOn } from '@/lib/data/units';
import { listProvinceOptions } from '@/lib/data/users';
import { LAST_DAY_BEFORE_MERGER, MERGER_DATE, isoDate, unitPath } from '@/lib/domain/units';
import { formatDate, formatNumber } from '@/lib/format';
import { splitUnitsQuerySchema } from '@/lib/validations/successors';
import { firstParam } from '@/lib/validations/units';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { inputClass } from '@/components/ui/form-field';
import { ProvinceOptions } from '@/components/ui/options';
import { SuccessorForm } from '@/components/admin/successor-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('units'))('title') };
}

export default async function UnitsAdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('unit.manage');
  const raw = await searchParams;
  const query = splitUnitsQuerySchema.parse({
    province: firstParam(raw.province),
    toConfirm: firstParam(raw.toConfirm),
    q: firstParam(raw.q),
  });
  const today = isoDate(new Date());
  const [t, tTypes, locale, provinces, units, before, after, now] = await Promise.all([
    getTranslations('units'),
    getTranslations('unitTypes'),
    getLocale(),
    listProvinceOptions(user),
    listSplitUnits({
      provinceCode: query.province,
      toConfirmOnly: query.toConfirm,
      search: query.q,
    }),
    countUnitsOn(LAST_DAY_BEFORE_MERGER),
    countUnitsOn(MERGER_DATE),
    countUnitsOn(today),
  ]);
  const counts = [
    { on: LAST_DAY_BEFORE_MERGER, c: before },
    { on: MERGER_DATE, c: after },
    { on: today, c: now },
  ];
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <section aria-labelledby="counts-title" className="mb-6">
        <h2 id="counts-title" className="mb-2 text-lg font-semibold">
          {t('countsTitle')}
        </h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t('countsTitle')}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('on')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('provinces')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('units')}
                </th>
                {(['PHUONG', 'XA', 'THI_TRAN', 'DAC_KHU'] as const).map((type) => (
                  <th key={type} scope="col" className="px-3 py-2 text-right">
                    {tTypes(type)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {counts.map(({ on, c }) => (
                <tr key={on}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {formatDate(on, locale)}
                  </th>
                  <td className="px-3 py-2 text-right">{formatNumber(c.provinces, locale)}</td>
                  <td className="px-3 py-2 text-right">{formatNumber(c.units, locale)}</td>
                  {(['PHUONG', 'XA', 'THI_TRAN', 'DAC_KHU'] as const).map((type) => (
                    <td key={type} className="px-3 py-2 text-right">
                      {formatNumber(c.byType[type], locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="splits-title">
        <h2 id="splits-title" className="mb-1 text-lg font-semibold">
          {t('splitsTitle')}
        </h2>
        <p className="mb-3 max-w-3xl text-sm text-slate-600">{t('rule')}</p>
        <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="units-province" className="text-sm font-medium">
              {t('province')}
            </label>
            <select
              id="units-province"
              name="province"
              defaultValue={query.province ?? ''}
              className={inputClass}
            >
              <option value="">{t('allProvinces')}</option>
              <ProvinceOptions provinces={provinces} />
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="units-q" className="text-sm font-medium">
              {t('search')}
            </label>
            <input
              id="units-q"
              name="q"
              type="search"
              defaultValue={query.q ?? ''}
              className={`${inputClass} w-56`}
            />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="toConfirm" value="1" defaultChecked={query.toConfirm} />
            {t('toConfirmOnly')}
          </label>
          <button type="submit" className="rounded bg-slate-700 px-4 py-2 text-sm text-white">
            {t('filter')}
          </button>
        </form>
        <p className="mb-2 text-sm text-slate-600" aria-live="polite">
          {t('splitCount', { count: units.length })}
        </p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t('splitsTitle')}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('formerUnit')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('basis')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('countsUnder')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {units.map((u) => (
                <tr key={u.id}>
                  <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                    <Link
                      href={unitPath({ code: u.code, validTo: LAST_DAY_BEFORE_MERGER })}
                      className="text-brand-700 hover:underline"
                    >
                      {u.fullName}
                    </Link>{' '}
                    <span className="text-xs text-slate-500">{u.code}</span>
                    <span className="block text-xs font-normal text-slate-600">
                      {[u.districtName, u.provinceName].filter(Boolean).join(', ')}
                    </span>
                  </th>
                  <td className="px-3 py-2 align-top">
                    <Badge tone={u.basis === 'NEAREST_CODE' ? 'warning' : 'neutral'}>
                      {t(`bases.${u.basis ?? 'NONE'}`)}
                    </Badge>
                  </td>
                  <td className="px-3 py-2 align-top">
                    <SuccessorForm
                      unitId={u.id}
                      unitName={u.fullName}
                      current={u.countsUnderId}
                      successors={u.successors}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
