import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { ProvinceListItem } from '@/lib/data/units/provinces';
import { Badge } from '@/components/ui/badge';
import { columnsOf, DataTable, figures } from '@/components/ui/data-table';
import { MilestoneVerdict } from '@/components/dashboard/milestone-verdict';
import { ProgressStatusBadge } from '@/components/dashboard/progress-status';
import type { MilestoneResult, ProgressStatus } from '@/lib/domain/progress';
import { formatPercent } from '@/lib/i18n/format';

type Row = ProvinceListItem;

export interface ProvinceProgress {
  share: number | null;
  status: ProgressStatus;
  verdict: MilestoneResult | null;
  daysLeft: number;
}

/** Today's provinces with their units and, this year, their share, milestone verdict and pace. */
export async function ProvinceTable({
  provinces,
  locale,
  progress,
}: {
  provinces: Row[];
  locale: string;
  progress: Map<string, ProvinceProgress>;
}) {
  const t = await getTranslations('provinces');
  const link = (code: string, name: string) => (
    <Link href={`/provinces/${code}`} className="text-brand-700 hover:underline">
      {name}
    </Link>
  );
  return (
    <DataTable
      caption={t('title')}
      rows={provinces}
      rowKey={(p) => p.code}
      empty={t('none')}
      columns={columnsOf<Row>()(t, {
        code: { className: 'font-mono text-slate-500', cell: (p) => p.code },
        name: {
          rowHeader: true,
          cell: (p) => (p.successor ? p.fullName : link(p.code, p.fullName)),
        },
        kind: (p) => (
          <Badge tone={p.isCity ? 'info' : 'neutral'}>{p.isCity ? t('city') : t('province')}</Badge>
        ),
        share: (p) => {
          const x = progress.get(p.code);
          return x?.share === null || x === undefined ? '—' : formatPercent(x.share, locale);
        },
        progress: (p) => {
          const x = progress.get(p.code);
          if (!x || p.successor) return null;
          return (
            <span className="flex flex-wrap gap-1">
              {x.verdict ? (
                <MilestoneVerdict result={x.verdict} daysLeft={x.daysLeft} compact />
              ) : null}
              <ProgressStatusBadge status={x.status} />
            </span>
          );
        },
        wards: figures<Row>((p) => p.wards, locale),
        communes: figures<Row>((p) => p.communes, locale),
        townships:
          provinces.some((p) => p.townships > 0) && figures<Row>((p) => p.townships, locale),
        specialZones: figures<Row>((p) => p.specialZones, locale),
        total: figures<Row>((p) => p.wards + p.communes + p.townships + p.specialZones, locale),
        successor:
          provinces.some((p) => p.successor !== null) &&
          ((p) => (p.successor ? link(p.successor.code, p.successor.name) : null)),
      })}
    />
  );
}
