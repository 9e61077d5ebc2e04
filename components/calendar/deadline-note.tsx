import { getLocale, getTranslations } from 'next-intl/server';
import { daysUntil, dayOf, type DeadlineState, type DueKind } from '@/lib/domain/calendar';
import { formatDate } from '@/lib/i18n/format';
import { Badge } from '@/components/ui/badge';

/**
 * "Hạn nộp hồ sơ 15/09/2026 · còn 3 ngày", amber when due soon. For a dossier waiting on the date,
 * red once overdue; for the date itself (the calendar), a passed date is simply past.
 */
export async function DeadlineNote({
  deadline,
  compact = false,
  of = 'dossier',
}: {
  deadline: { kind: DueKind; due: string; state: DeadlineState };
  compact?: boolean;
  of?: 'dossier' | 'date';
}) {
  const [t, locale] = await Promise.all([getTranslations('calendar'), getLocale()]);
  const days = daysUntil(deadline.due, dayOf(new Date()));
  const passed = deadline.state === 'overdue';
  const when = passed
    ? t(of === 'date' ? 'passedBy' : 'overdueBy', { count: -days })
    : t('daysLeft', { count: days });
  const tone = passed
    ? of === 'date'
      ? 'neutral'
      : 'danger'
    : deadline.state === 'dueSoon'
      ? 'warning'
      : 'neutral';
  return (
    <span data-deadline={deadline.state}>
      <Badge tone={tone}>
        {compact
          ? when
          : `${t(`kinds.${deadline.kind}`)} ${formatDate(deadline.due, locale)} · ${when}`}
      </Badge>
    </span>
  );
}
