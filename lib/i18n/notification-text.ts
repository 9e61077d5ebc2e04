import { formatDate, formatPercent } from '@/lib/i18n/format';
import type { NotificationKind, NotificationParams } from '@/lib/domain/notifications';
import { translatorFor } from './translator';

/**
 * What a person typed, as one line of plain text: line breaks become spaces and control or
 * text-direction characters are dropped, so a name or a reason can never start a line of its own
 * in a notification or an e-mail (forms refuse them; this holds for rows written before that).
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '')
    .trim();
}

/** One inbox line as a sentence, in one language. */
export function notificationText(
  locale: 'vi' | 'en',
  kind: NotificationKind,
  params: NotificationParams,
): string {
  const t = translatorFor(locale, 'notifications');
  const status = translatorFor(locale, 'dashboard');
  const values: Record<string, string | number> = {
    ward: oneLine(params.ward ?? ''),
    year: params.year,
    by: oneLine(params.by ?? '—'),
    reason: oneLine(params.reason ?? ''),
    count: params.count ?? 0,
    // 'none' picks the catalogue's branch for a line without a date (a return without one).
    due: params.due ? formatDate(params.due, locale) : 'none',
    deadline: params.deadline ? t(`deadlines.${params.deadline}`) : '',
    criterion: params.criterion ?? '',
    excerpt: oneLine(params.excerpt ?? ''),
    province: oneLine(params.province ?? ''),
    status: params.status ? status(`status.${params.status}`) : '',
    previous: params.previous ? status(`status.${params.previous}`) : '',
    target: params.target === undefined ? '' : formatPercent(params.target, locale),
    share: params.share === undefined ? '' : formatPercent(params.share, locale),
  };
  return t(`lines.${kind}`, values);
}
