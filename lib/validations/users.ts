import { recordId } from './ids';
import { z } from 'zod';
import { passwordProblems } from '@/lib/domain/passwords';
import { roles } from '@/lib/permissions';
import { PROVINCE_CODE, UNIT_CODE } from './units';

// Messages are keys in the `validation` catalogue; actions translate them for the user.

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, { error: 'tooLong' })
  .pipe(z.email({ error: 'email' }));
const name = z.string().trim().min(1, { error: 'required' }).max(120, { error: 'tooLong' });
/** A code a form may leave empty (an empty field is no code). */
const optionalCode = (pattern: RegExp, error: string) =>
  z
    .string()
    .trim()
    .regex(pattern, { error })
    .optional()
    .or(z.literal('').transform(() => undefined));
const provinceCode = optionalCode(PROVINCE_CODE, 'provinceCode');
const unitCode = optionalCode(UNIT_CODE, 'unitCode');

/** Who a user is and where they work, as the create and edit forms send it. */
const placement = {
  name,
  role: z.enum(roles, { error: 'role' }),
  provinceCode,
  unitCode,
};

export const createUserSchema = z.object({
  email,
  ...placement,
  /** Absent: a temporary password is generated and shown once. */
  password: z.string().max(200).optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: recordId,
  ...placement,
  isActive: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userIdSchema = z.object({ id: recordId });

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
    next: z.string().max(200, { error: 'tooLong' }),
    confirm: z.string().max(200, { error: 'tooLong' }),
    email: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    for (const problem of passwordProblems(v.next, v.email))
      ctx.addIssue({ code: 'custom', path: ['next'], message: `password.${problem}` });
    if (v.next !== v.confirm)
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'password.mismatch' });
  });
