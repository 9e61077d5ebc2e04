import { z } from 'zod';
import { yearSchema } from './year';
import { PROVINCE_CODE } from './units';

export const importTemplateSchema = z.object({
  province: z.string().regex(PROVINCE_CODE),
  year: yearSchema,
});
