import { z } from 'zod';
import { defaultYear } from '@/lib/domain/progress';
import { yearSchema } from './year';

export const apiQuerySchema = z.object({
  year: yearSchema.default(() => defaultYear()),
  basis: z.enum(['official', 'provisional']).default('official'),
  units: z.enum(['today', 'recorded']).default('today'),
});
