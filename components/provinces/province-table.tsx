import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ProvinceListItem } from '@/lib/data/units';
import { formatNumber } from '@/lib/format';
import { Badge } from '@/components/ui/badge';

export async function ProvinceTable({
  provinces,
  locale,
}: {
  provinces: ProvinceListItem[];
  locale: string;
}) {
  const t = await getTranslations('provinces');
  const n = (v: number) => formatNumber(v, locale);
  const former = provinces.some((p) => p.successor !== null);
  const townships = provinces.some((p) => p.townships > 0);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t('title')}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('code')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('name')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('kind')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('wards')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('communes')}
            </th>
            {townships ? (
              <th scope="col" className="px-3 py-2 text-right">
                {t('townships')}
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 text-right">
              {t('specialZones')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('total')}
            </th>
            {former ? (
              <th scope="col" className="px-3 py-2">
                {t('successor')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {provinces.map((p) => (
            <tr key={p.code} className="hover:bg-slate-50">
              <td className="px-3 py-2 font-mono text-slate-500">{p.code}</td>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {p.successor ? (
                  p.fullName
                ) : (
                  <Link href={`/provinces/${p.code}`} className="text-brand-700 hover:underline">
                    {p.fullName}
                  </Link>
                )}
              </th>
              <td className="px-3 py-2">
                <Badge tone={p.isCity ? 'info' : 'neutral'}>
                  {p.isCity ? t('city') : t('province')}
                </Badge>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{n(p.wards)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{n(p.communes)}</td>
              {townships ? (
                <td className="px-3 py-2 text-right tabular-nums">{n(p.townships)}</td>
              ) : null}
              <td className="px-3 py-2 text-right tabular-nums">{n(p.specialZones)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {n(p.wards + p.communes + p.townships + p.specialZones)}
              </td>
              {former ? (
                <td className="px-3 py-2">
                  {p.successor ? (
                    <Link
                      href={`/provinces/${p.successor.code}`}
                      className="text-brand-700 hover:underline"
                    >
                      {p.successor.name}
                    </Link>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
