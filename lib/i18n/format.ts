import type { Formats } from 'next-intl';
import { timeZone, type Locale } from '@/lib/i18n/config';

/**
 * The one place numbers and dates are formatted. Vietnamese pages use vi-VN conventions
 * (1.234,5 · 22/11/2026); English pages use en-GB (1,234.5 · 22/11/2026), same day-first dates.
 */

export function intlLocale(locale: Locale | string): string {
  return locale === 'en' ? 'en-GB' : 'vi-VN';
}

// Building an Intl formatter costs far more than using one (a page of a few hundred figures spent
// a third of a second on it): each is built once per locale and options, and kept.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

// The key names the options in a few characters: a page formats thousands of figures, and
// serialising the options object to find its formatter cost more than the lookup itself.
function numberFormat(locale: Locale | string, key: string, options: Intl.NumberFormatOptions) {
  const full = `n|${locale}|${key}`;
  let f = formatters.get(full) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(full, (f = new Intl.NumberFormat(intlLocale(locale), options)));
  return f;
}

function dateFormat(locale: Locale | string, key: string, options: Intl.DateTimeFormatOptions) {
  const full = `d|${locale}|${key}`;
  let f = formatters.get(full) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(full, (f = new Intl.DateTimeFormat(intlLocale(locale), options)));
  return f;
}

export function formatNumber(value: number, locale: Locale | string, digits = 0): string {
  return numberFormat(locale, `number${digits}`, {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** Every digit a stored figure has, thousands grouped ("1.234,5"): the figure fields' text. */
export function formatExact(value: number, locale: Locale | string): string {
  return numberFormat(locale, 'exact', { maximumFractionDigits: 20, useGrouping: true }).format(
    value,
  );
}

/** `share` is a fraction (0.4 → "40%"). */
export function formatPercent(share: number, locale: Locale | string, digits = 1): string {
  return numberFormat(locale, `percent${digits}`, {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(share);
}

/** A change with its sign: "+3", "-1,5", "0". */
export function formatSigned(value: number, locale: Locale | string): string {
  return numberFormat(locale, 'signed', {
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
  }).format(value);
}

/** A chart's value label: a whole percent, or nothing for a missing value. */
export function formatPercentLabel(value: unknown, locale: Locale | string): string {
  return typeof value === 'number' ? formatPercent(value, locale, 0) : '';
}

const dateParts = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone } as const;

/** 22/11/2026 in both languages. */
export function formatDate(date: Date | string, locale: Locale | string): string {
  return dateFormat(locale, 'date', dateParts).format(new Date(date));
}

/** 10:30 22/11/2026 (vi) or 22/11/2026, 10:30 (en). */
export function formatDateTime(date: Date | string, locale: Locale | string): string {
  return dateFormat(locale, 'dateTime', {
    ...dateParts,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(date));
}

/** Named formats for next-intl's `format` helpers in components. */
export const intlFormats = {
  number: { percent: { style: 'percent', maximumFractionDigits: 1 } },
  dateTime: { short: { dateStyle: 'short' }, long: { dateStyle: 'long', timeStyle: 'short' } },
} satisfies Formats;

/** A file's size the way people read it: "4,8 MB", "512 KB" (never "5.120 KB"). */
export function formatFileSize(bytes: number, locale: Locale | string): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), locale, 1)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}
