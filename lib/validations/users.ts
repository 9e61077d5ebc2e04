import { recordId } from './ids';
import { z } from 'zod';
import { passwordProblems } from '@/lib/domain/passwords';
import { roles } from '@/lib/domain/permissions';
import { PROVINCE_CODE, UNIT_CODE } from './units';
import { plainText, secretText } from './text';

// Messages are keys in the `validation` catalogue; actions translate them for the user.

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, { error: 'tooLong' })
  .pipe(z.email({ error: 'email' }));
const name = plainText(120, { min: 1 });
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
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: recordId,
  ...placement,
  isActive: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userIdSchema = z.object({ id: recordId });

/** A new password and its confirmation, checked by the rules (lib/domain/passwords.ts). */
const newPassword = {
  next: secretText(200),
  confirm: secretText(200),
  /** Filled in by the action, never by the form: the new password may not contain it. */
  email: z.string().optional(),
  name: z.string().optional(),
};

function checkNewPassword(
  v: { next: string; confirm: string; email?: string; name?: string },
  ctx: z.RefinementCtx,
) {
  for (const problem of passwordProblems(v.next, { email: v.email, name: v.name }))
    ctx.addIssue({ code: 'custom', path: ['next'], message: `password.${problem}` });
  if (v.next !== v.confirm)
    ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'password.mismatch' });
}

export const changePasswordSchema = z
  .object({ current: secretText(200, { min: 1 }), ...newPassword })
  .superRefine(checkNewPassword);

/** Setting a password through a one-time handover link (lib/data/accounts/handovers.ts). */
export const handoverPasswordSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'invalid' }), ...newPassword })
  .superRefine(checkNewPassword);
