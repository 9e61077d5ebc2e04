'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { resetUserPassword } from '@/lib/data/accounts/passwords';
import { resetTwoFactor } from '@/lib/data/accounts/two-factor';
import { createUser, updateUser, type UserWriteResult } from '@/lib/data/accounts/users';
import { createUserSchema, updateUserSchema, userIdSchema } from '@/lib/validations/users';
import { defineAction } from './define';
import { failure, success } from './result';

/** A created or reset account and the path of its one-time handover link (shown once). */
type Created = { id: number; handoverPath?: string };

const handoverPath = (token?: string) => (token ? `/handover/${token}` : undefined);

const errorKeys = {
  not_found: 'notFound',
  email_taken: 'emailTaken',
  email_outside: 'emailTaken',
  role_not_allowed: 'roleNotAllowed',
  scope_invalid: 'scopeInvalid',
  self_lockout: 'selfLockout',
} as const;

/** The refusal of a user write, in the user's language. */
function refused<T>(result: Exclude<UserWriteResult, { ok: true }>) {
  return result.error === 'locked'
    ? failure<T>('users.probeLocked', { minutes: result.minutes })
    : failure<T>(`users.${errorKeys[result.error]}`);
}

/** Creating or promoting an account that reaches the whole country asks for a recent sign-in. */
const grantsNationalPower = (input: { role: string }) =>
  input.role === 'ADMIN' || input.role === 'MINISTRY';

export const createUserAction = defineAction(
  'user.manage',
  createUserSchema,
  async (c) => {
    const result = await createUser(c.actor, c.user, c.input);
    if (!result.ok) return refused<Created>(result);
    revalidatePath('/admin/users');
    return success<Created>('users.created', {
      id: result.id,
      handoverPath: handoverPath(result.handoverToken),
    });
  },
  { reauth: grantsNationalPower },
);

export const updateUserAction = defineAction(
  'user.manage',
  updateUserSchema,
  async (c) => {
    const result = await updateUser(c.actor, c.user, c.input.id, c.input);
    if (!result.ok) return refused(result);
    revalidatePath('/admin/users');
    return success('users.updated');
  },
  { reauth: grantsNationalPower },
);

/** Resetting someone else's password hands their account over: a sensitive action. */
export const resetPasswordAction = defineAction(
  'user.manage',
  userIdSchema,
  async (c) => {
    const result = await resetUserPassword(c.actor, c.user, c.input.id);
    if (!result.ok) return refused<Created>(result);
    revalidatePath('/admin/users');
    return success<Created>('users.passwordReset', {
      id: result.id,
      handoverPath: handoverPath(result.handoverToken),
    });
  },
  { reauth: true },
);

/** An administrator turns a user's two-factor sign-in off (lost phone); audited, sessions end. */
export const resetTwoFactorAction = defineAction(
  'user.reset_second_factor',
  userIdSchema,
  async (c) => {
    const reset = await resetTwoFactor(c.actor, c.user, c.input.id);
    if (!reset.ok) return failure('users.notFound');
    // Their own: still signed in, sent to set two-factor sign-in up again (it is required).
    if (reset.self) redirect('/account/two-factor');
    revalidatePath(`/admin/users/${c.input.id}`);
    return success('users.twoFactorReset');
  },
  { reauth: true },
);
