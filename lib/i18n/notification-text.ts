import { formatDate } from '@/lib/format';
import type { NotificationKind, NotificationParams } from '@/lib/data/notifications';
import { translatorFor } from './translator';

/** One inbox line as a sentence, in one language. */
export function notificationText(
  locale: 'vi' | 'en',
  kind: NotificationKind,
  params: NotificationParams,
): string {
  const t = translatorFor(locale, 'notifications');
  const values: Record<string, string | number> = {
    ward: params.ward ?? '',
    year: params.year,
    by: params.by ?? '—',
    reason: params.reason ?? '',
    count: params.count ?? 0,
    due: params.due ? formatDate(params.due, locale) : '',
    deadline: params.deadline ? t(`deadlines.${params.deadline}`) : '',
  };
  return t(`lines.${kind}`, values);
}
