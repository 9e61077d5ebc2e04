import { z } from 'zod';
import { PROVINCE_CODE } from './units';

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const auditFilterSchema = z.object({
  actor: optional(z.string().trim().max(320)),
  entity: optional(z.string().trim().max(50)),
  province: optional(z.string().regex(PROVINCE_CODE)),
  from: optional(z.coerce.date()),
  to: optional(z.coerce.date()),
  before: optional(
    z
      .string()
      .regex(/^\d{1,19}$/)
      .transform((v) => BigInt(v)),
  ),
});
