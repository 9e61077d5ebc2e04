import { z } from 'zod';
import { PROVINCE_CODE } from './units';
import { dayAsDate, plainText } from './text';

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const auditFilterSchema = z.object({
  actor: optional(plainText(320)),
  entity: optional(plainText(50)),
  province: optional(z.string().regex(PROVINCE_CODE)),
  from: optional(dayAsDate),
  to: optional(dayAsDate),
  before: optional(
    z
      .string()
      .regex(/^\d{1,19}$/)
      .transform((v) => BigInt(v))
      .refine((v) => v <= 9_223_372_036_854_775_807n, { message: 'invalid' }),
  ),
});
