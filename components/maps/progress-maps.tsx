import { getLocale, getTranslations } from 'next-intl/server';
import type { WardCategory } from '@/lib/domain/maps';
import type { ProgressStatus } from '@/lib/domain/progress';
import { formatPercent } from '@/lib/i18n/format';
import { nationalMapModel, provinceMapModel, type MapModel } from '@/lib/maps/progress';
import { ChartDownloads, type ChartStamp } from '@/components/dashboard/chart-downloads';
import { Choropleth, type MapArea } from './choropleth';

/** What every picture of the figures carries: scope, data date, official/provisional stamp. */
interface Picture {
  stamp: Pick<ChartStamp, 'scope' | 'dataDate' | 'stamp' | 'official'>;
  fileName: string;
}

function downloads(id: string, title: string, model: MapModel, source: string, p: Picture) {
  return (
    <ChartDownloads
      chart={id}
      selector={`[data-map="${id}"] svg`}
      fileName={p.fileName}
      stamp={{
        ...p.stamp,
        title,
        source,
        legend: model.legend.map((l) => ({
          label: `${l.label} (${l.count})`,
          color: l.colour,
          swatch: true,
        })),
      }}
    />
  );
}

/** Today's 34 provinces coloured by the province table's status. */
export async function NationalMap({
  provinces,
  query,
  year,
  ...picture
}: Picture & {
  /** The year the map's figures are of. */
  year: number;
  provinces: {
    code: string;
    name: string;
    status: ProgressStatus;
    share: number | null;
    /** The latest milestone's verdict, as a sentence. */
    verdict: string | null;
  }[];
  query: string;
}) {
  const [t, ts, locale] = await Promise.all([
    getTranslations('maps'),
    getTranslations('dashboard.status'),
    getLocale(),
  ]);
  const model = nationalMapModel(provinces, (s) => ts(s));
  if (!model) return null;
  const areas = new Map<string, MapArea>();
  for (const p of provinces) {
    const area = model.areas.get(p.code);
    if (!area) continue;
    areas.set(p.code, {
      ...area,
      label: [
        `${p.name}: ${p.share === null ? '—' : formatPercent(p.share, locale)}`,
        p.verdict,
        ts(p.status),
      ]
        .filter(Boolean)
        .join(' · '),
      href: `/provinces/${p.code}${query}`,
    });
  }
  return (
    <Choropleth
      id="national-map"
      title={t('nationalTitle', { year })}
      shapes={model.shapes}
      areas={areas}
      fallback={(_code, name) => ({ label: name, colour: '#ffffff', category: 'none' })}
      legend={model.legend}
      caption={`${picture.stamp.stamp} · ${picture.stamp.dataDate} · ${t('islands')}`}
      hint={t('hint')}
      keyLabel={t('numberKey')}
      downloads={downloads(
        'national-map',
        t('nationalTitle', { year }),
        model,
        t('islands'),
        picture,
      )}
    />
  );
}

/** A province's units of today: its phường by where they stand, xã and đặc khu in grey. */
export async function ProvinceMap({
  provinceCode,
  wards,
  year,
  listHref,
  ...picture
}: Picture & {
  provinceCode: string;
  year: number;
  /** The ward list of a legend entry's category (a drill-through). */
  listHref?: (category: WardCategory) => string;
  wards: readonly {
    code: string;
    fullName: string;
    status: string | null;
    met: number;
    total: number;
    recognisedSince: number | null;
  }[];
}) {
  const [t, tList] = await Promise.all([getTranslations('maps'), getTranslations('wardList')]);
  const label = (c: WardCategory) => t(`ward.${c}`);
  const model = provinceMapModel(provinceCode, wards, label);
  if (!model) return <p className="text-sm text-slate-600">{t('todayOnly')}</p>;
  const areas = new Map<string, MapArea>();
  for (const w of wards) {
    const area = model.areas.get(w.code)!;
    areas.set(w.code, {
      ...area,
      label: `${w.fullName}: ${label(area.category as WardCategory)}${w.status ? ` · ${w.met}/${w.total}` : ''}`,
      href: `/wards/${w.code}/${year}`,
    });
  }
  const title = `${t('provinceTitle', { year })} · ${picture.stamp.scope}`;
  return (
    <Choropleth
      id="province-map"
      title={title}
      shapes={model.shapes}
      areas={areas}
      fallback={(_code, name) => ({
        label: `${name}: ${label('notWard')}`,
        colour: model.areas.get(_code)?.colour ?? '#d4d4d8',
        category: 'notWard',
      })}
      legend={model.legend.map((l) => ({
        ...l,
        ...(listHref && l.category !== 'notWard'
          ? {
              href: listHref(l.category as WardCategory),
              linkLabel: tList('legendLink', { label: l.label, count: l.count }),
            }
          : {}),
      }))}
      caption={`${picture.stamp.stamp} · ${picture.stamp.dataDate}`}
      hint={t('hint')}
      keyLabel={t('numberKey')}
      downloads={downloads('province-map', title, model, t('wardSource'), picture)}
    />
  );
}
