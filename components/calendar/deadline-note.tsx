import { getLocale, getTranslations } from 'next-intl/server';
import { daysUntil, dayOf, type DeadlineKind, type DeadlineState } from '@/lib/domain/calendar';
import { formatDate } from '@/lib/format';
import { Badge } from '@/components/ui/badge';

/** "Hạn nộp hồ sơ 15/09/2026 · còn 3 ngày", amber when due soon, red once overdue. */
export async function DeadlineNote({
  deadline,
  compact = false,
}: {
  deadline: { kind: DeadlineKind; due: string; state: DeadlineState };
  compact?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations('calendar'), getLocale()]);
  const days = daysUntil(deadline.due, dayOf(new Date()));
  const when =
    deadline.state === 'overdue'
      ? t('overdueBy', { count: -days })
      : t('daysLeft', { count: days });
  const tone =
    deadline.state === 'overdue' ? 'danger' : deadline.state === 'dueSoon' ? 'warning' : 'neutral';
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
