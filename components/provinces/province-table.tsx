import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ProvinceListItem } from '@/lib/data/units';
import { Badge } from '@/components/ui/badge';
import { DataTable, numberColumn, type Column } from '@/components/ui/data-table';

export async function ProvinceTable({
  provinces,
  locale,
}: {
  provinces: ProvinceListItem[];
  locale: string;
}) {
  const t = await getTranslations('provinces');
  const former = provinces.some((p) => p.successor !== null);
  const townships = provinces.some((p) => p.townships > 0);
  const count = (key: 'wards' | 'communes' | 'townships' | 'specialZones') =>
    numberColumn<ProvinceListItem>(key, t(key), (p) => p[key], locale);
  const columns: (Column<ProvinceListItem> | false)[] = [
    {
      key: 'code',
      header: t('code'),
      className: 'font-mono text-slate-500',
      cell: (p) => p.code,
    },
    {
      key: 'name',
      header: t('name'),
      rowHeader: true,
      cell: (p) =>
        p.successor ? (
          p.fullName
        ) : (
          <Link href={`/provinces/${p.code}`} className="text-brand-700 hover:underline">
            {p.fullName}
          </Link>
        ),
    },
    {
      key: 'kind',
      header: t('kind'),
      cell: (p) => (
        <Badge tone={p.isCity ? 'info' : 'neutral'}>{p.isCity ? t('city') : t('province')}</Badge>
      ),
    },
    count('wards'),
    count('communes'),
    townships && count('townships'),
    count('specialZones'),
    numberColumn(
      'total',
      t('total'),
      (p) => p.wards + p.communes + p.townships + p.specialZones,
      locale,
    ),
    former && {
      key: 'successor',
      header: t('successor'),
      cell: (p) =>
        p.successor ? (
          <Link href={`/provinces/${p.successor.code}`} className="text-brand-700 hover:underline">
            {p.successor.name}
          </Link>
        ) : null,
    },
  ];
  return (
    <DataTable
      caption={t('title')}
      rows={provinces}
      rowKey={(p) => p.code}
      empty={t('none')}
      columns={columns.filter((c): c is Column<ProvinceListItem> => c !== false)}
    />
  );
}
