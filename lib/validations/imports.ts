import { z } from 'zod';
import { yearSchema } from './assessments';

export const importTemplateSchema = z.object({
  province: z.string().regex(/^\d{2}$/),
  year: yearSchema,
});
