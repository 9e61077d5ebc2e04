import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { listSplitUnits, type SplitUnit } from '@/lib/data/units/successors';
import { countUnitsOn, listProvinceOptions } from '@/lib/data/units/provinces';
import {
  LAST_DAY_BEFORE_MERGER,
  MERGER_DATE,
  UNIT_TYPES,
  type UnitType,
  isoDate,
  unitPath,
} from '@/lib/domain/units';
import { formatDate } from '@/lib/i18n/format';
import { memberOf } from '@/lib/domain/vocabulary';
import { splitUnitsQuerySchema } from '@/lib/validations/successors';
import { firstParam } from '@/lib/validations/units';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { columnsOf, DataTable, figures } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { Pager, withQuery } from '@/components/ui/pager';
import { Field } from '@/components/ui/form';
import { ProvinceField } from '@/components/ui/options';
import { SuccessorForm } from '@/components/admin/successor-form';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('units');

async function UnitsAdminPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('unit.manage');
  const raw = await searchParams;
  const query = splitUnitsQuerySchema.parse({
    province: firstParam(raw.province),
    toConfirm: firstParam(raw.toConfirm),
    q: firstParam(raw.q),
    page: firstParam(raw.page),
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
      page: query.page,
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
  type Count = (typeof counts)[number];
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <DataTable
        className="mb-6"
        caption={t('countsTitle')}
        captionVisible
        rows={counts}
        rowKey={(r) => r.on}
        empty={null}
        columns={columnsOf<Count>()(
          (k: 'on' | 'provinces' | 'units' | UnitType) =>
            memberOf(UNIT_TYPES, k) ? tTypes(k) : t(k),
          {
            on: { rowHeader: true, cell: (r) => formatDate(r.on, locale) },
            provinces: figures<Count>((r) => r.c.provinces, locale),
            units: figures<Count>((r) => r.c.units, locale),
            PHUONG: figures<Count>((r) => r.c.byType.PHUONG, locale),
            XA: figures<Count>((r) => r.c.byType.XA, locale),
            DAC_KHU: figures<Count>((r) => r.c.byType.DAC_KHU, locale),
            THI_TRAN: figures<Count>((r) => r.c.byType.THI_TRAN, locale),
          },
        )}
      />
      <Card id="splits-title" title={t('splitsTitle')} intro={t('rule')}>
        <FilterBar
          values={{ province: query.province, q: query.q }}
          label={t('splitsTitle')}
          submitLabel={t('filter')}
        >
          <ProvinceField provinces={provinces} label={t('province')} empty={t('allProvinces')} />
          <Field name="q" type="search" label={t('search')} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="toConfirm" value="1" defaultChecked={query.toConfirm} />
            {t('toConfirmOnly')}
          </label>
        </FilterBar>
        <p className="mb-2 text-sm text-slate-600" aria-live="polite">
          {t('splitCount', { count: units.total })}
        </p>
        <DataTable
          caption={t('splitsTitle')}
          rows={units.rows}
          empty={t('splitCount', { count: 0 })}
          columns={columnsOf<SplitUnit>()(t, {
            formerUnit: {
              rowHeader: true,
              cell: (u) => (
                <>
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
                </>
              ),
            },
            basis: (u) => (
              <Badge tone={u.basis === 'NEAREST_CODE' ? 'warning' : 'neutral'}>
                {t(`bases.${u.basis ?? 'NONE'}`)}
              </Badge>
            ),
            countsUnder: (u) => (
              <SuccessorForm
                unitId={u.id}
                unitName={u.fullName}
                current={u.countsUnderId}
                successors={u.successors}
              />
            ),
          })}
        />
        <Pager
          page={units.page}
          pages={units.pages}
          href={(page) =>
            withQuery(
              '/admin/units',
              {
                province: query.province,
                q: query.q,
                toConfirm: query.toConfirm ? '1' : undefined,
              },
              { page: page > 1 ? page : undefined },
            )
          }
        />
      </Card>
    </>
  );
}

export default withClientMessages(UnitsAdminPage, ['units']);
