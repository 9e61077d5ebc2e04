// use-intl's core: no React, so scripts and background work can use it too.
import { createTranslator } from 'use-intl/core';
import type { Locale } from './config';
import en from './messages/en.json';
import vi from './messages/vi.json';

/**
 * A translator outside React (route handlers, exports, mail), from the same catalogues as the
 * pages. Unlike the pages' translators (global.d.ts), its keys are not type-checked: exports and
 * mail build them from stored values (a status, a problem code); a missing one shows as its key.
 */
export function translatorFor(locale: Locale, namespace?: string) {
  const t = createTranslator({
    locale,
    messages: locale === 'en' ? en : vi,
    namespace: namespace as never,
  });
  return (key: string, values?: Record<string, string | number>) =>
    (t as unknown as (k: string, v?: unknown) => string)(key, values);
}
