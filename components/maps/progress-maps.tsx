import { getLocale, getTranslations } from 'next-intl/server';
import {
  statusColours,
  statusOrder,
  wardCategories,
  wardCategory,
  wardColours,
  type WardCategory,
} from '@/lib/domain/maps';
import type { ProgressStatus } from '@/lib/domain/progress';
import { formatPercent } from '@/lib/format';
import { nationalShapes, provinceShapes } from '@/lib/maps/shapes';
import { ChartDownloads, type ChartStamp } from '@/components/dashboard/chart-downloads';
import { Choropleth, type MapArea } from './choropleth';

/** What every picture of the figures carries: scope, data date, official/provisional stamp. */
interface Stamp {
  stamp: Pick<ChartStamp, 'scope' | 'dataDate' | 'stamp' | 'official'>;
  fileName: string;
}

function downloads(
  id: string,
  title: string,
  legend: { label: string; colour: string }[],
  source: string,
  { stamp, fileName }: Stamp,
) {
  return (
    <ChartDownloads
      chart={id}
      selector={`[data-map="${id}"] svg`}
      fileName={fileName}
      stamp={{
        ...stamp,
        title,
        source,
        legend: legend.map((l) => ({ label: l.label, color: l.colour, swatch: true })),
      }}
    />
  );
}

/** Today's 34 provinces coloured by the province table's status. */
export async function NationalMap({
  provinces,
  query,
  ...picture
}: Stamp & {
  provinces: { code: string; name: string; status: ProgressStatus; share: number | null }[];
  query: string;
}) {
  const shapes = nationalShapes();
  if (!shapes) return null;
  const [t, locale] = await Promise.all([getTranslations('maps'), getLocale()]);
  const ts = await getTranslations('dashboard.status');
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const areas = new Map<string, MapArea>();
  for (const s of shapes.shapes) {
    const p = byCode.get(s.code);
    if (!p) continue;
    areas.set(s.code, {
      label: `${p.name}: ${ts(p.status)} · ${p.share === null ? '—' : formatPercent(p.share, locale)}`,
      colour: statusColours[p.status],
      category: p.status,
      href: `/provinces/${p.code}${query}`,
    });
  }
  const count = (status: ProgressStatus) => provinces.filter((p) => p.status === status).length;
  const legend = statusOrder
    .filter((s) => count(s) > 0)
    .map((s) => ({ label: ts(s), colour: statusColours[s], count: count(s) }));
  return (
    <Choropleth
      id="national-map"
      title={t('nationalTitle')}
      shapes={shapes}
      areas={areas}
      fallback={(_code, name) => ({ label: name, colour: '#ffffff', category: 'none' })}
      legend={legend}
      caption={`${picture.stamp.stamp} · ${picture.stamp.dataDate} · ${t('islands')}`}
      downloads={downloads('national-map', t('nationalTitle'), legend, t('islands'), picture)}
    />
  );
}

/** A province's units of today: its phường by where they stand, xã and đặc khu in grey. */
export async function ProvinceMap({
  provinceCode,
  wards,
  year,
  ...picture
}: Stamp & {
  provinceCode: string;
  year: number;
  wards: {
    code: string;
    fullName: string;
    status: string | null;
    met: number;
    total: number;
    recognisedSince: number | null;
  }[];
}) {
  const shapes = provinceShapes(provinceCode);
  if (!shapes) return null;
  const t = await getTranslations('maps');
  const areas = new Map<string, MapArea>();
  const counts = new Map<WardCategory, number>();
  for (const w of wards) {
    const category = wardCategory(w);
    counts.set(category, (counts.get(category) ?? 0) + 1);
    areas.set(w.code, {
      label: `${w.fullName}: ${t(`ward.${category}`)}${w.status ? ` · ${w.met}/${w.total}` : ''}`,
      colour: wardColours[category],
      category,
      href: `/wards/${w.code}/${year}`,
    });
  }
  // A map of another era's units (as recorded, before 2025) does not fit today's shapes.
  if (shapes.shapes.filter((s) => areas.has(s.code)).length < wards.length / 2)
    return <p className="text-sm text-slate-600">{t('todayOnly')}</p>;
  const notWard = shapes.shapes.filter((s) => !areas.has(s.code)).length;
  counts.set('notWard', notWard);
  const legend = wardCategories
    .filter((c) => (counts.get(c) ?? 0) > 0)
    .map((c) => ({ label: t(`ward.${c}`), colour: wardColours[c], count: counts.get(c)! }));
  const title = `${t('provinceTitle', { year })} · ${picture.stamp.scope}`;
  return (
    <Choropleth
      id="province-map"
      title={title}
      shapes={shapes}
      areas={areas}
      fallback={(code, name) => ({
        label: `${name}: ${t('ward.notWard')}`,
        colour: wardColours.notWard,
        category: 'notWard',
      })}
      legend={legend}
      caption={`${picture.stamp.stamp} · ${picture.stamp.dataDate}`}
      downloads={downloads('province-map', title, legend, t('wardSource'), picture)}
    />
  );
}
