import { useLocale, useTranslations } from 'next-intl';
import type { MilestoneResult } from '@/lib/domain/progress';
import { formatPercent } from '@/lib/i18n/format';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const tone: Record<MilestoneResult['outcome'], BadgeTone> = {
  met: 'success',
  missed: 'danger',
  open: 'info',
};

/**
 * What became of a milestone whose year has come: "Không đạt mục tiêu 2025: 33,6% / 40%".
 * `compact` gives the short badge for tables, with the figures in its title and for readers.
 */
export function MilestoneVerdict({
  result,
  daysLeft,
  compact = false,
}: {
  result: MilestoneResult;
  daysLeft: number;
  compact?: boolean;
}) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const full = t(`verdict.${result.outcome}`, {
    year: result.year,
    actual: result.actual === null ? '—' : formatPercent(result.actual, locale),
    target: formatPercent(result.share, locale, 0),
    days: daysLeft,
  });
  if (!compact) return <Badge tone={tone[result.outcome]}>{full}</Badge>;
  return (
    <Badge tone={tone[result.outcome]} title={full}>
      <span aria-hidden="true">{t(`verdictShort.${result.outcome}`, { year: result.year })}</span>
      <span className="sr-only">{full}</span>
    </Badge>
  );
}
