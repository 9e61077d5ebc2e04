import { z } from 'zod';
import { readFigure, type NumberLocale } from '@/lib/domain/figures';

/** The language a form's figures are written in; without it, Vietnamese. */
export const numberLocaleSchema = z.enum(['vi', 'en']).catch('vi');

/** A figure's raw input: typed text, a number sent by a script, or nothing. */
export const figureInput = z.union([z.string(), z.number(), z.null()]).optional();

/**
 * Reads one raw figure in `locale` (lib/domain/figures.ts) inside a schema's transform. A figure
 * that cannot be read, or could be read two ways, adds an issue on `path` whose message is a key
 * of the `validation` catalogue (figure.*) with the values it names, and answers null.
 */
export function readFigureField(
  ctx: z.RefinementCtx,
  path: string,
  raw: z.output<typeof figureInput>,
  locale: NumberLocale,
): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    if (Number.isFinite(raw)) return raw;
    ctx.addIssue({ code: 'custom', path: [path], message: 'number' });
    return null;
  }
  const reading = readFigure(raw, locale);
  if (reading.ok) return reading.value;
  ctx.addIssue({
    code: 'custom',
    path: [path],
    message: `figure.${reading.problem}`,
    params: reading.values,
  });
  return null;
}
