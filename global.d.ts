import type { Locale } from '@/lib/i18n/config';
import type messages from '@/lib/i18n/messages/vi.json';

/**
 * next-intl's documented type augmentation: every message key and its arguments are checked by
 * the compiler against the Vietnamese catalogue (the English one is checked to have the same keys
 * by tests/unit/client-messages.test.ts).
 */
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
