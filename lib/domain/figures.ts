import { formatExact } from '@/lib/i18n/format';

/**
 * Numbers as people write them, the one reading for every numeric field of the browser, the
 * server and the spreadsheet import. Vietnamese writes "1.234,5" (a point between thousands, a
 * comma before the decimals), English "1,234.5"; either may group thousands with a space. The
 * writer's language decides, and nothing is guessed:
 * - what is well formed in the language is read by it ("1.000" is one thousand in Vietnamese);
 * - what is well formed only the other way round ("97.5" in Vietnamese) is refused, with the
 *   figure written the language's way as a suggestion: a guess would read "97.50" as 97,5 but
 *   "97.500" as 97.500;
 * - one separator followed by exactly three digits, with one to three digits before it and no
 *   other separator, is the language's decimal but also the other language's thousand
 *   ("1,000" in Vietnamese: one, or one thousand?). It is refused with both readings offered.
 * `writeFigure` writes a stored figure so that `readFigure` reads it back, in either language.
 */

export type NumberLocale = 'vi' | 'en';

/**
 * Every form that takes a figure sends the language its page was written in (ActionForm and the
 * sheet add this field), so the server reads "1.000" the way the user who typed it meant it,
 * even if the language was switched in another tab meanwhile.
 */
export const NUMBER_LOCALE_FIELD = 'numberLocale';

/** A page's language as the figures' convention: English, else Vietnamese. */
export const numberLocaleOf = (locale: string): NumberLocale => (locale === 'en' ? 'en' : 'vi');

export type FigureReading =
  | { ok: true; value: number | null }
  | { ok: false; problem: 'notANumber'; values: { text: string } }
  | { ok: false; problem: 'otherConvention'; values: { text: string; suggestion: string } }
  | {
      ok: false;
      problem: 'ambiguous';
      values: { text: string; thousands: string; decimal: string };
    };

interface Convention {
  decimal: string;
  group: string;
}
const conventions: Record<NumberLocale, Convention> = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};
const swapped = (c: Convention): Convention => ({ decimal: c.group, group: c.decimal });

/** Longest figure read (digits, separators and sign): far beyond any count or percentage. */
const MAX_LENGTH = 40;

const escape = (s: string) => s.replace(/[.]/g, '\\.');

/** The figure `body` (no sign) in convention `c`, or null when it is not well formed there. */
function readIn(body: string, c: Convention): number | null {
  const parts = body.split(c.decimal);
  if (parts.length > 2) return null;
  const [whole, fraction] = parts as [string, string | undefined];
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  if (whole === '' && fraction === undefined) return null;
  const plain = /^\d*$/.test(whole);
  // Thousands grouped by one separator throughout: the language's own, or a space.
  const grouped = [c.group, ' '].some((g) =>
    new RegExp(`^[1-9]\\d{0,2}(?:${escape(g)}\\d{3})+$`).test(whole),
  );
  if (!plain && !grouped) return null;
  const digits = whole.replace(/\D/g, '') || '0';
  const value = Number(fraction === undefined ? digits : `${digits}.${fraction}`);
  return Number.isFinite(value) ? value : null;
}

/** The shape both languages read, differently: "d,ddd" / "ddd.ddd" with no other separator. */
function isTwoWay(body: string, c: Convention): boolean {
  return new RegExp(`^[1-9]\\d{0,2}${escape(c.decimal)}\\d{3}$`).test(body);
}

/** A figure as typed: empty is none (null); anything else is read in `locale` or refused. */
export function readFigure(text: string, locale: NumberLocale): FigureReading {
  const c = conventions[locale];
  const shown = text.trim();
  const t = shown
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/ +/g, ' ');
  if (t === '') return { ok: true, value: null };
  const notANumber = {
    ok: false as const,
    problem: 'notANumber' as const,
    values: { text: shown },
  };
  const sign = t.startsWith('-') ? -1 : 1;
  const body = t.replace(/^[-+]\s?/, '');
  if (t.length > MAX_LENGTH || !/^[\d., ]+$/.test(body)) return notANumber;
  const own = readIn(body, c);
  if (own !== null) {
    if (!isTwoWay(body, c)) return { ok: true, value: sign * own + 0 };
    const thousands = Number(body.replace(c.decimal, ''));
    return {
      ok: false,
      problem: 'ambiguous',
      values: {
        text: shown,
        thousands: writeFigure(sign * thousands, locale),
        decimal: writeFigure(sign * own, locale),
      },
    };
  }
  const other = readIn(body, swapped(c));
  if (other !== null)
    return {
      ok: false,
      problem: 'otherConvention',
      values: { text: shown, suggestion: writeFigure(sign * other, locale) },
    };
  return notANumber;
}

/**
 * A stored figure written the way `locale` writes it, thousands grouped ("1.234,5"). The one
 * shape both languages read (one to three digits, the decimal, exactly three more) gets a fourth
 * decimal zero, "1,1250", so that reading it back gives the same figure and not a question.
 */
export function writeFigure(value: number | null, locale: NumberLocale): string {
  if (value === null) return '';
  const text = formatExact(value, locale).replace(/\u2212/g, '-');
  return isTwoWay(text.replace(/^-/, ''), conventions[locale]) ? `${text}0` : text;
}
