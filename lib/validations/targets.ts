import { recordId } from './ids';
import { z } from 'zod';
import { yearSchema } from './year';
import { PROVINCE_CODE } from './units';
import { NUMBER_LOCALE_FIELD } from '@/lib/domain/figures';
import { figureInput, numberLocaleSchema, readFigureField } from './figures';
import { plainText } from './text';

export const targetSchema = z
  .object({
    provinceCode: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().regex(PROVINCE_CODE, { error: 'provinceCode' }).optional(),
    ),
    year: yearSchema,
    kind: z.enum(['PERCENT', 'COUNT'], { error: 'invalid' }),
    value: figureInput,
    sourceDocument: plainText(300, { min: 1 }),
    [NUMBER_LOCALE_FIELD]: numberLocaleSchema,
  })
  .transform(({ numberLocale, ...t }, ctx) => {
    const issues = ctx.issues.length;
    const value = readFigureField(ctx, 'value', t.value, numberLocale);
    if (value === null) {
      if (ctx.issues.length === issues)
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'required' });
      return z.NEVER;
    }
    if (t.kind === 'PERCENT' && (value < 0 || value > 100))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'percentRange' });
    if (t.kind === 'COUNT' && (value < 0 || !Number.isInteger(value)))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'countRange' });
    return { ...t, value };
  });
export type TargetInput = z.infer<typeof targetSchema>;

export const targetIdSchema = z.object({ id: recordId });
