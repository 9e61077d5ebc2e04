import { locales } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';
import type { NotificationKind, NotificationParams } from '@/lib/domain/notifications';
import { notificationText } from '@/lib/i18n/notification-text';
import { appAddress } from './config';

/**
 * Mail texts, from the same catalogues as the inbox. A user's language is not stored with the
 * account, so each mail says it in Vietnamese first, then in English.
 */

export function renderNotificationMail(kind: NotificationKind, params: NotificationParams) {
  const link = `${appAddress()}${params.href}`;
  const parts = locales.map((locale) => notificationText(locale, kind, params));
  return {
    subject: `Kiểu Mẫu: ${parts[0]}`.slice(0, 250),
    body: `${parts.join('\n\n')}\n\n${link}\n`,
  };
}

export function renderDigestMail(lines: { kind: NotificationKind; params: NotificationParams }[]) {
  const sections = locales.map((locale) => {
    const t = translatorFor(locale, 'notifications');
    const items = lines.map((l) => `• ${notificationText(locale, l.kind, l.params)}`);
    return `${t('digestIntro', { count: lines.length })}\n${items.join('\n')}`;
  });
  const t = translatorFor('vi', 'notifications');
  return {
    subject: `Kiểu Mẫu: ${t('digestSubject', { count: lines.length })}`,
    body: `${sections.join('\n\n')}\n\n${appAddress()}/notifications\n`,
  };
}
