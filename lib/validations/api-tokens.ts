import { recordId } from './ids';
import { z } from 'zod';
import { PROVINCE_CODE } from './units';
import { plainText } from './text';

export const issueTokenSchema = z.object({
  name: plainText(100, { min: 1 }),
  provinceCode: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(PROVINCE_CODE, { error: 'provinceCode' }).optional(),
  ),
  expiresInDays: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce.number().int().min(1).max(3650).optional(),
  ),
});

export const tokenIdSchema = z.object({ id: recordId });
