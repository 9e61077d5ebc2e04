import type { AbstractIntlMessages } from 'next-intl';

/**
 * The message namespaces client components name (`useTranslations('…')` in a 'use client' module
 * or a module one imports). Only these travel to the browser with each page; the rest of the
 * catalogue (audit lines, action results, validation messages, …) is used on the server only.
 * tests/unit/client-messages.test.ts reads every client module and fails when this list misses
 * one of their namespaces, or names one none of them uses.
 */
export const CLIENT_NAMESPACES = [
  'account',
  'auth',
  'calendar',
  'common',
  'criteria',
  'dashboard',
  'errors',
  'evidence',
  'exports',
  'handover',
  'imports',
  'measures',
  'nav',
  'notifications',
  'provinces',
  'reauth',
  'registration',
  'reports',
  'review',
  'roles',
  'sheet',
  'states',
  'statuses',
  'subscriptions',
  'targets',
  'tokens',
  'twoFactor',
  'units',
  'users',
] as const;

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(
    CLIENT_NAMESPACES.filter((n) => n in messages).map((n) => [n, messages[n]!]),
  );
}
