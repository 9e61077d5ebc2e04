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
import { Choropleth, type MapArea } from './choropleth';

interface Stamp {
  /** "Số liệu đến …" and the official/provisional stamp, as the page's charts carry them. */
  caption: string;
}

/** Today's 34 provinces coloured by the province table's status. */
export async function NationalMap({
  provinces,
  caption,
  query,
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
  return (
    <Choropleth
      id="national-map"
      title={t('nationalTitle')}
      shapes={shapes}
      areas={areas}
      fallback={(code, name) => ({ label: name, colour: '#ffffff', category: 'none' })}
      legend={statusOrder
        .filter((s) => count(s) > 0)
        .map((s) => ({ label: ts(s), colour: statusColours[s], count: count(s) }))}
      caption={`${caption} · ${t('islands')}`}
    />
  );
}

/** A province's units of today: its phường by where they stand, xã and đặc khu in grey. */
export async function ProvinceMap({
  provinceCode,
  wards,
  caption,
  year,
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
  return (
    <Choropleth
      id="province-map"
      title={t('provinceTitle', { year })}
      shapes={shapes}
      areas={areas}
      fallback={(code, name) => ({
        label: `${name}: ${t('ward.notWard')}`,
        colour: wardColours.notWard,
        category: 'notWard',
      })}
      legend={wardCategories
        .filter((c) => (counts.get(c) ?? 0) > 0)
        .map((c) => ({ label: t(`ward.${c}`), colour: wardColours[c], count: counts.get(c)! }))}
      caption={caption}
    />
  );
}
