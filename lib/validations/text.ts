import { z } from 'zod';

/**
 * Text as people type it, checked before any database or e-mail sees it. Refused: NUL and the
 * other control characters (a line break only where the field has lines), bidirectional
 * overrides (text that displays other than it reads), and broken UTF-16 (a lone surrogate). A
 * name or a reason can therefore never forge a line in an e-mail, nor reach PostgreSQL, which
 * refuses NUL in text, as a server error.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

export function textProblem(
  value: string,
  multiline: boolean,
): 'controlChars' | 'lineBreak' | null {
  if (!value.isWellFormed() || CONTROL.test(value)) return 'controlChars';
  if (!multiline && (LINE_BREAK.test(value) || value.includes('\t'))) return 'lineBreak';
  return null;
}

/**
 * A free-text field: trimmed, `min` to `max` characters (messages `required`, `tooLong`), and free
 * of the characters above (`controlChars`, `lineBreak`). Single-line unless `multiline`.
 */
export function plainText(max: number, options: { min?: number; multiline?: boolean } = {}) {
  const { min = 0, multiline = false } = options;
  let schema = z.string().trim();
  if (min > 0) schema = schema.min(min, { error: 'required' });
  return schema.max(max, { error: 'tooLong' }).superRefine((value, ctx) => {
    const problem = textProblem(value, multiline);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** A password or code: not trimmed, but never NUL or a control character. */
export function secretText(max: number, options: { min?: number } = {}) {
  let schema = z.string();
  if (options.min) schema = schema.min(options.min, { error: 'required' });
  return schema.max(max, { error: 'tooLong' }).refine((v) => textProblem(v, false) === null, {
    message: 'controlChars',
  });
}

/** Calendar days the app accepts anywhere: a real date between 1900 and 2100. */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2100-12-31';

export const isoDaySchema = z.iso
  .date({ error: 'date' })
  .refine((d) => d >= FIRST_DAY && d <= LAST_DAY, { message: 'date' });

/** A day as a form sends it, as midnight UTC. */
export const dayAsDate = isoDaySchema.transform((d) => new Date(`${d}T00:00:00.000Z`));
