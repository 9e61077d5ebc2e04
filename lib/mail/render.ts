import { locales, type Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';
import { notificationText } from '@/lib/i18n/notification-text';
import type { OutboxContent } from '@/lib/validations/notifications';
import { appAddress } from './config';
import { cutText } from '@/lib/domain/text-cut';

export interface RenderedMail {
  subject: string;
  body: string;
}

/**
 * An outbox row's mail, worded when it is sent, from the same catalogues as the inbox: in the
 * recipient's language (the one they last chose in the app), or Vietnamese then English for an
 * account that never chose one. A subscribed pack is built from the database, not here
 * (lib/data/notifications/packs.ts).
 */
export function renderOutboxMail(
  content: Exclude<OutboxContent, { type: 'pack' }>,
  locale: Locale | null,
): RenderedMail {
  const languages = locale ? [locale] : [...locales];
  const first = languages[0]!;
  switch (content.type) {
    case 'text':
      return { subject: content.subject, body: content.body };
    case 'notification': {
      const { kind, params } = content.line;
      const parts = languages.map((l) => notificationText(l, kind, params));
      return {
        subject: cutText(`Kiểu Mẫu: ${notificationText(first, kind, params)}`, 250),
        body: `${parts.join('\n\n')}\n\n${appAddress()}${params.href}\n`,
      };
    }
    case 'digest': {
      const { lines } = content;
      const sections = languages.map((l) => {
        const t = translatorFor(l, 'notifications');
        const items = lines.map((line) => `• ${notificationText(l, line.kind, line.params)}`);
        return `${t('digestIntro', { count: lines.length })}\n${items.join('\n')}`;
      });
      const t = translatorFor(first, 'notifications');
      return {
        subject: `Kiểu Mẫu: ${t('digestSubject', { count: lines.length })}`,
        body: `${sections.join('\n\n')}\n\n${appAddress()}/notifications\n`,
      };
    }
  }
}
