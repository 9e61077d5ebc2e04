import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { AssessmentStatus } from '@/lib/domain/workflow';
import type { ResultState } from '@/lib/domain/attainment';

const statusTone: Record<AssessmentStatus, BadgeTone> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  RETURNED: 'warning',
  PROPOSED: 'info',
  INSPECTING: 'info',
  RECOGNISED: 'success',
  NOT_RECOGNISED: 'danger',
  WITHDRAWN: 'danger',
  CANCELLED: 'neutral',
};

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  const t = useTranslations('statuses');
  return <Badge tone={statusTone[status]}>{t(status)}</Badge>;
}

const stateTone: Record<ResultState, BadgeTone> = {
  NOT_ASSESSED: 'neutral',
  IN_PROGRESS: 'info',
  MET: 'success',
  NOT_MET: 'danger',
  NOT_DUE: 'warning',
};

export function StateBadge({ state }: { state: ResultState }) {
  const t = useTranslations('states');
  return <Badge tone={stateTone[state]}>{t(state)}</Badge>;
}

/** "20/22 đạt · 1 chưa đến thời gian đánh giá · 1 chưa đạt", from the `sheet` messages. */
export function resultSummary(
  tSheet: (key: 'summary', values: Record<string, number>) => string,
  counts: { met: number; total: number; notDue: number; notMet: number },
): string {
  const { met, total, notDue, notMet } = counts;
  return tSheet('summary', { met, total, notDue, notMet });
}
