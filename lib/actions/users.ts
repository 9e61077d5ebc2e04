'use server';

import { revalidatePath } from 'next/cache';
import { resetUserPassword } from '@/lib/data/passwords';
import { createUser, updateUser } from '@/lib/data/users';
import { createUserSchema, updateUserSchema, userIdSchema } from '@/lib/validations/users';
import { failure, formObject, invalidInput, success, type ActionResult } from './result';
import { resetTwoFactor } from '@/lib/data/two-factor';
import { actionUser } from './session';

type Created = { id: number; temporaryPassword?: string };

const errorKeys = {
  not_found: 'notFound',
  email_taken: 'emailTaken',
  role_not_allowed: 'roleNotAllowed',
  scope_invalid: 'scopeInvalid',
  self_lockout: 'selfLockout',
} as const;

export async function createUserAction(
  _prev: ActionResult<Created>,
  formData: FormData,
): Promise<ActionResult<Created>> {
  const session = await actionUser('user.manage');
  if (!session) return failure('signedOut');
  const parsed = createUserSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await createUser(session.actor, session.user, {
    ...parsed.data,
    password: undefined,
  });
  if (!result.ok) return failure(`users.${errorKeys[result.error]}`);
  revalidatePath('/admin/users');
  return success('users.created', { id: result.id, temporaryPassword: result.temporaryPassword });
}

export async function updateUserAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('user.manage');
  if (!session) return failure('signedOut');
  const parsed = updateUserSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await updateUser(session.actor, session.user, parsed.data.id, parsed.data);
  if (!result.ok) return failure(`users.${errorKeys[result.error]}`);
  revalidatePath('/admin/users');
  return success('users.updated');
}

export async function resetPasswordAction(
  _prev: ActionResult<Created>,
  formData: FormData,
): Promise<ActionResult<Created>> {
  const session = await actionUser('user.manage');
  if (!session) return failure('signedOut');
  const parsed = userIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await resetUserPassword(session.actor, session.user, parsed.data.id);
  if (!result.ok) return failure(`users.${errorKeys[result.error]}`);
  revalidatePath('/admin/users');
  return success('users.passwordReset', {
    id: result.id,
    temporaryPassword: result.temporaryPassword,
  });
}

/** An administrator turns a user's two-factor sign-in off (lost phone); audited, sessions end. */
export async function resetTwoFactorAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('user.reset_second_factor');
  if (!session) return failure('signedOut');
  const parsed = userIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await resetTwoFactor(session.actor, session.user, parsed.data.id);
  if (!result.ok) return failure('users.notFound');
  revalidatePath(`/admin/users/${parsed.data.id}`);
  return success('users.twoFactorReset');
}
