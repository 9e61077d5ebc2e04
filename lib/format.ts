import type { Formats } from 'next-intl';
import { timeZone, type Locale } from '@/lib/i18n/config';

/**
 * The one place numbers and dates are formatted. Vietnamese pages use vi-VN conventions
 * (1.234,5 · 22/11/2026); English pages use en-GB (1,234.5 · 22/11/2026), same day-first dates.
 */

export function intlLocale(locale: Locale | string): string {
  return locale === 'en' ? 'en-GB' : 'vi-VN';
}

export function formatNumber(value: number, locale: Locale | string, digits = 0): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** `share` is a fraction (0.4 → "40%"). */
export function formatPercent(share: number, locale: Locale | string, digits = 1): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(share);
}

export function formatDate(date: Date | string, locale: Locale | string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'short', timeZone }).format(
    new Date(date),
  );
}

export function formatDateTime(date: Date | string, locale: Locale | string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(date));
}

/** Named formats for next-intl's `format` helpers in components. */
export const intlFormats = {
  number: { percent: { style: 'percent', maximumFractionDigits: 1 } },
  dateTime: { short: { dateStyle: 'short' }, long: { dateStyle: 'long', timeStyle: 'short' } },
} satisfies Formats;
