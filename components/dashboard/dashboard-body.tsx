import Link from '@/components/ui/link';
import { NEAR_SHOWN } from '@/lib/domain/dashboard';
import { getLocale, getTranslations } from 'next-intl/server';
import type { DashboardView } from '@/lib/data/progress/dashboard';
import { formatNumber } from '@/lib/i18n/format';
import { unitPath } from '@/lib/domain/units';
import { ChartDownloads, TableDownloads, TableHeading } from './chart-downloads';
import { CriteriaChart } from './criteria-chart';
import { ProgressChart } from './progress-chart';
import { NationalMap } from '@/components/maps/progress-maps';
import { ProvinceTable } from './province-table';
import type { ProvinceSort } from '@/lib/domain/province-order';
import { FigureTable } from './figure-table';
import { wardName } from '@/lib/domain/units';
import { comparisonTable } from '@/lib/domain/comparison';
import { completenessTable, STALE_DAYS } from '@/lib/domain/completeness';
import { nearMissText, verdictText } from '@/lib/domain/export-tables';
import { figureLabels } from './figure-labels';

function Card({
  label,
  value,
  detail,
}: {
  label: string;
  value: string;
  detail?: React.ReactNode;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums text-slate-900">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-600">{detail}</dd> : null}
    </div>
  );
}

async function NearMissList({ items, year }: { items: DashboardView['nearMisses']; year: number }) {
  const [t, locale] = await Promise.all([getTranslations('dashboard'), getLocale()]);
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {items.map((w) => (
        <li key={`${w.unitCode}-${String(w.unitValidTo)}`} className="py-2">
          <Link
            href={unitPath(w.dossierUnit ?? { code: w.unitCode, validTo: w.unitValidTo }, year)}
            className="font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700"
          >
            {wardName(w.unitName)}
          </Link>{' '}
          <span className="text-slate-500">
            · {w.provinceName} · {w.met}/{w.total}
            {w.dossierUnit ? ` · ${t('nearVia', { unit: w.dossierUnit.fullName })}` : ''}
          </span>
          <p className="text-xs text-slate-600">{nearMissText(w, locale === 'en' ? 'en' : 'vi')}</p>
        </li>
      ))}
    </ul>
  );
}

/** The figures, charts and tables of one dashboard: the nation or a province. */
export async function DashboardBody({
  view,
  query,
  showProvinces,
  exportQuery,
  scopeLabel,
  listPath,
  provinceSort,
}: {
  view: DashboardView;
  query: string;
  showProvinces: boolean;
  /** province, year, basis and units, for the download links. */
  exportQuery: string;
  scopeLabel: string;
  /** Where the ward list of this view is (drill-throughs land there, with the view's query). */
  listPath: string;
  /** The province table's order and the address of each other order. */
  provinceSort: { sort: ProvinceSort; href: (column: string, dir: 'asc' | 'desc') => string };
}) {
  const { t, locale, countedLabel, stamp, dataDate } = await figureLabels(view);
  const en = locale === 'en';
  const tList = await getTranslations('wardList');
  const comparison = comparisonTable(
    view.model,
    (id) => view.provinces.get(id)?.name ?? String(id),
    en ? 'en' : 'vi',
  );
  const { model } = view;
  // A drill-through: the ward list of this view (year, basis, units), filtered.
  const listHref = (filter: Record<string, string | number>) => {
    const params = new URLSearchParams(exportQuery);
    params.delete('province');
    for (const [k, v] of Object.entries(filter)) params.set(k, String(v));
    const [path, anchor = ''] = listPath.split('#');
    return `${path}?${params}${anchor ? `#${anchor}` : ''}`;
  };
  const n = (v: number) => formatNumber(v, locale);
  const milestone = model.milestone;
  const stampOf = (
    title: string,
    legend: { label: string; color: string; dashed?: boolean }[],
    source: string,
  ) => ({ title, scope: scopeLabel, dataDate, stamp, official: model.official, legend, source });
  // Every download says its year, basis, units and language in its name (and its title).
  const fileBase = `kieu-mau-${exportQuery.replace(/[^0-9a-z]+/gi, '-')}-${locale}`;
  const yearTag = model.future
    ? t('dataOfYear', { year: model.asOfYear })
    : t('ofYear', { year: model.asOfYear });
  const criteria = [...view.criteria]
    .map((c) => ({
      number: c.number,
      title: en ? c.titleEn : c.title,
      met: c.met,
      assessed: c.assessed,
      share: c.assessed ? c.met / c.assessed : 0,
    }))
    .sort((a, b) => a.share - b.share || a.number - b.number);

  // The year's province rows are of another era (as recorded, before the merger): no map of them.
  const formerRows = model.provinces.some((p) => view.provinces.get(p.provinceId)?.validTo);

  if (model.totals.wards === 0)
    return (
      <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        {t('emptyScope')}
      </p>
    );

  return (
    <div className="space-y-6">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Card label={t('wards')} value={n(model.totals.wards)} />
        <Card label={t('registered')} value={n(model.totals.registered)} />
        <Card label={t('attained')} value={n(model.totals.attained)} />
        <Card label={t('recognised')} value={n(model.totals.recognised)} />
        <Card label={t('provisionalCounted')} value={n(model.totals.provisional)} />
      </dl>
      <dl className="grid gap-3 sm:grid-cols-2">
        <Card
          label={t('needed')}
          value={model.wardsNeeded === null ? '—' : t('neededValue', { count: model.wardsNeeded })}
          detail={milestone?.source}
        />
        <Card
          label={t('projected')}
          value={
            model.progress.projectedFullYear
              ? t('projectedValue', { year: model.progress.projectedFullYear })
              : t('projectedNever')
          }
          detail={t('method')}
        />
      </dl>

      <ProgressChart
        series={model.series}
        milestones={model.milestones}
        title={`${t('chartTitle')} · ${countedLabel} · ${yearTag}`}
      >
        <span className="flex flex-wrap gap-2">
          <ChartDownloads
            chart="progress"
            fileName={`${fileBase}-ty-le`}
            stamp={stampOf(
              `${t('chartTitle')} · ${countedLabel} · ${yearTag}`,
              [
                { label: t('chartActual'), color: '#1e40af' },
                { label: t('chartTarget'), color: '#c8102e' },
                { label: t('chartForecast'), color: '#1e40af', dashed: true },
              ],
              `${t('chartSource')} ${t('targetPath')}`,
            )}
          />
          <TableDownloads table="series" query={exportQuery} />
        </span>
      </ProgressChart>

      {showProvinces && !formerRows ? (
        <div className="below-fold">
          <NationalMap
            stamp={{ scope: scopeLabel, dataDate, stamp, official: model.official }}
            year={model.asOfYear}
            fileName={`${fileBase}-ban-do`}
            query={query}
            provinces={model.provinces.map((p) => ({
              code: view.provinces.get(p.provinceId)?.code ?? '',
              name: view.provinces.get(p.provinceId)?.name ?? '',
              status: p.progress.status,
              share: p.share,
              verdict: p.milestoneResults.length
                ? verdictText(p.milestoneResults.at(-1)!, en ? 'en' : 'vi', model.daysLeft)
                : null,
            }))}
          />
        </div>
      ) : null}
      {showProvinces ? (
        <section aria-labelledby="provinces-title" className="below-fold">
          <TableHeading id="provinces-title" table="provinces" query={exportQuery}>
            {t('provincesTitle')}
          </TableHeading>
          <ProvinceTable
            countedLabel={countedLabel}
            query={query}
            daysLeft={model.daysLeft}
            sort={provinceSort.sort}
            sortHref={provinceSort.href}
            rows={model.provinces.map((p) => {
              const info = view.provinces.get(p.provinceId);
              return {
                code: info?.code ?? '',
                name: info?.name ?? String(p.provinceId),
                isCurrent: info?.validTo === null,
                wards: p.wards,
                registered: p.registered,
                counted: p.counted,
                share: p.share,
                targetShare: p.milestone?.share ?? null,
                targetYear: p.milestone?.year ?? null,
                targetOrigin: p.milestone?.origin ?? null,
                status: p.progress.status,
                projectedFullYear: p.progress.projectedFullYear,
                verdict: p.milestoneResults.at(-1) ?? null,
                nearMisses: view.nearMissByProvince.get(p.provinceId) ?? 0,
              };
            })}
          />
        </section>
      ) : null}
      {showProvinces ? (
        <section aria-labelledby="comparison-title" className="below-fold">
          <TableHeading id="comparison-title" table="comparison" query={exportQuery}>
            {t('comparisonTitle', { from: view.model.asOfYear - 1, to: view.model.asOfYear })}
          </TableHeading>
          <FigureTable table={comparison} nationLast />
        </section>
      ) : null}
      <section aria-labelledby="completeness-title" className="below-fold">
        <TableHeading id="completeness-title" table="completeness" query={exportQuery}>
          {t('completenessTitle', { year: model.asOfYear })}
        </TableHeading>
        <p className="mb-2 text-xs text-slate-600">{t('completenessNote', { days: STALE_DAYS })}</p>
        <FigureTable
          table={completenessTable(view.completeness, en ? 'en' : 'vi')}
          nationLast={view.completeness.length > 1}
        />
      </section>

      <div className="below-fold grid gap-6 lg:grid-cols-2">
        <section
          aria-labelledby="near-title"
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <TableHeading
            id="near-title"
            table="near-misses"
            query={exportQuery}
            className="font-semibold"
          >
            {t('nearTitle')}
          </TableHeading>
          {view.nearMissCount === 0 ? (
            <p className="text-sm text-slate-600">{t('nearEmpty')}</p>
          ) : (
            <>
              <p className="mb-1 text-xs text-slate-600">
                {t('nearCount', { count: view.nearMissCount })}
              </p>
              <p className="mb-1 text-xs text-slate-600">{t('nearRule')}</p>
              <NearMissList items={view.nearMisses.slice(0, NEAR_SHOWN)} year={model.asOfYear} />
              {view.nearMissCount > NEAR_SHOWN ? (
                <p className="mt-1 text-sm text-slate-600">
                  {t('nearMore', { count: view.nearMissCount - NEAR_SHOWN })}
                </p>
              ) : null}
              <p className="mt-2 text-sm print:hidden">
                <Link
                  href={listHref({ category: 'short' })}
                  className="font-medium text-brand-700 underline"
                  data-drill="near-misses"
                >
                  {tList('showAll')}
                </Link>
              </p>
            </>
          )}
        </section>
        <CriteriaChart
          rows={criteria}
          title={`${t('criteriaTitle')} · ${yearTag}`}
          barLink={(r) => ({
            href: listHref({ criterion: r.number }),
            label: tList('barLink', {
              number: r.number,
              title: r.title,
              count: r.assessed - r.met,
            }),
          })}
        >
          <span className="flex flex-wrap gap-2">
            <ChartDownloads
              chart="criteria"
              fileName={`${fileBase}-tieu-chi`}
              stamp={stampOf(
                `${t('criteriaTitle')} · ${yearTag}`,
                [{ label: t('metShare'), color: '#1e40af' }],
                t('chartSource'),
              )}
            />
            <TableDownloads table="criteria" query={exportQuery} />
          </span>
        </CriteriaChart>
      </div>
      <section
        id="method"
        aria-labelledby="method-title"
        className="below-fold rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm"
      >
        <h2 id="method-title" className="mb-2 text-base font-semibold">
          {t('methodTitle')}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t('methodWards')}</li>
          <li>{t('methodCounts')}</li>
          <li>{t('methodRecognisedStock')}</li>
          <li>{t('targetPath')}</li>
          <li>{t('methodMilestones')}</li>
          <li>{t('methodSplits')}</li>
          <li>{t('method')}</li>
        </ul>
      </section>
    </div>
  );
}
