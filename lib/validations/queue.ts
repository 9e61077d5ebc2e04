import { z } from 'zod';
import { PROVINCE_CODE, firstParam } from './units';
import { plainText } from './text';
import { yearSchema } from './year';

export const queueStatuses = ['SUBMITTED', 'PROPOSED', 'INSPECTING'] as const;
export const queueSorts = ['waiting', 'ward', 'year', 'province'] as const;
export const waitingBands = ['30', '90', '365'] as const;

/** Reads a bad value as "no filter" rather than refusing the page: a list's URL is typed by hand. */
const loose = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const one = firstParam(v as string | string[] | undefined);
    return one === '' ? undefined : one;
  }, schema.optional().catch(undefined));

/** The review queue's filters, search, page and order, as they stand in the URL. */
export const queueQuerySchema = z.object({
  province: loose(z.string().regex(PROVINCE_CODE)),
  status: loose(z.enum(queueStatuses)),
  year: loose(yearSchema),
  waiting: loose(z.enum(waitingBands)),
  overdue: loose(z.literal('1')),
  q: loose(plainText(100)),
  page: loose(z.coerce.number().int().min(1).max(10_000)),
  sort: loose(z.enum(queueSorts)),
  dir: loose(z.enum(['asc', 'desc'])),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

/**
 * The same, for the queue's export, with its file format: the link is made by the page, so a
 * value the page would drop (a typed-in bad filter) is refused rather than exported as if there
 * were no filter.
 */
export const queueExportSchema = z
  .record(z.string(), z.unknown())
  .transform((raw, ctx): QueueQuery & { format: 'xlsx' | 'csv' } => {
    const format = z.enum(['xlsx', 'csv']).safeParse(firstParam(raw.format as string));
    if (!format.success) ctx.addIssue({ code: 'custom', path: ['format'], message: 'invalid' });
    const query = queueQuerySchema.parse(raw);
    for (const key of Object.keys(queueQuerySchema.shape) as (keyof QueueQuery)[]) {
      const given = firstParam(raw[key] as string | string[] | undefined);
      if (given !== undefined && given !== '' && query[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: 'invalid' });
    }
    return { ...query, format: format.data ?? 'xlsx' };
  });
