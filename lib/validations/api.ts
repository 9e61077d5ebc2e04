import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR } from '@/lib/domain/progress';

export const apiQuerySchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(FIRST_YEAR)
    .max(LAST_YEAR)
    .default(() => Math.min(LAST_YEAR, new Date().getFullYear())),
  basis: z.enum(['official', 'provisional']).default('official'),
  units: z.enum(['today', 'recorded']).default('today'),
});
