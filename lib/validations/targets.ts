import { recordId } from './ids';
import { z } from 'zod';
import { yearSchema } from './assessments';
import { PROVINCE_CODE } from './units';
import { plainText } from './text';

export const targetSchema = z
  .object({
    provinceCode: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().regex(PROVINCE_CODE, { error: 'provinceCode' }).optional(),
    ),
    year: yearSchema,
    kind: z.enum(['PERCENT', 'COUNT'], { error: 'invalid' }),
    value: z.coerce.number({ error: 'number' }).finite({ error: 'number' }),
    sourceDocument: plainText(300, { min: 1 }),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'PERCENT' && (t.value < 0 || t.value > 100))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'percentRange' });
    if (t.kind === 'COUNT' && (t.value < 0 || !Number.isInteger(t.value)))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'countRange' });
  });
export type TargetInput = z.infer<typeof targetSchema>;

export const targetIdSchema = z.object({ id: recordId });
