import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ProgressStatus } from '@/lib/domain/progress';

const tone: Record<ProgressStatus, BadgeTone> = {
  achieved: 'success',
  on_track: 'success',
  needs_acceleration: 'warning',
  off_track: 'danger',
  deteriorating: 'danger',
  not_enough_data: 'neutral',
  no_target: 'neutral',
};

export function ProgressStatusBadge({ status }: { status: ProgressStatus }) {
  const t = useTranslations('dashboard.status');
  return <Badge tone={tone[status]}>{t(status)}</Badge>;
}
