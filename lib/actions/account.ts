'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { changeOwnPassword } from '@/lib/data/accounts/passwords';
import { reauthenticate } from '@/lib/data/accounts/reauth';
import { endOwnSessions } from '@/lib/data/accounts/sessions';
import { regenerateRecoveryCodes } from '@/lib/data/accounts/two-factor';
import { safeReturnPath } from '@/lib/domain/redirects';
import { landingPath } from '@/lib/domain/navigation';
import { reauthSchema } from '@/lib/validations/auth';
import { changePasswordSchema } from '@/lib/validations/users';
import { defineAction } from './define';
import { failure, formObject, success, type ActionResult } from './result';

const endSessionsSchema = z.object({
  which: z.union([z.literal('others'), z.string().regex(/^[0-9a-f]{24}$/)], { error: 'invalid' }),
});
/** The renewal form's one field: nothing renews codes by accident (an empty or stray post). */
const renewSchema = z.object({ renew: z.literal('codes', { error: 'invalid' }) });

/** Any signed-in user, for themselves; their other sessions end, this one stays. */
export const changePasswordAction = defineAction(
  'self',
  changePasswordSchema,
  async ({ user, actor, input }) => {
    const result = await changeOwnPassword(
      actor,
      user.id,
      user.sessionId,
      input.current,
      input.next,
    );
    if (result.ok) return success('account.passwordChanged');
    if (result.error === 'locked') return failure('account.locked', { minutes: result.minutes });
    return failure(
      result.error === 'wrong_password' ? 'account.wrongPassword' : 'account.samePassword',
    );
  },
  // The new password may not contain the account's e-mail name.
  { read: (formData, user) => ({ ...formObject(formData), email: user.email, name: user.name }) },
);

/** The user proves who they are again (password or code), then goes back to what they were doing. */
export const reauthenticateAction = defineAction(
  'self',
  reauthSchema,
  async ({ user, actor, input }) => {
    const proof = 'password' in input ? { password: input.password } : { code: input.code };
    const result = await reauthenticate(actor, user.id, user.sessionId, proof);
    if (!result.ok)
      return failure(
        result.error === 'locked'
          ? 'reauth.locked'
          : result.error === 'code_used'
            ? 'reauth.codeUsed'
            : result.error === 'wrong_code'
              ? 'reauth.wrongCode'
              : 'reauth.wrong',
        result.error === 'locked' ? { minutes: result.minutes } : undefined,
      );
    redirect(landingPath(user, safeReturnPath(input.returnTo)));
  },
);

/** Signs out one of the user's other sessions (by its handle) or every other one. */
export const endSessionsAction = defineAction(
  'self',
  endSessionsSchema,
  async ({ user, actor, input }) => {
    const ended = await endOwnSessions(actor, user.id, user.sessionId, input.which);
    revalidatePath('/account');
    return success('account.sessionsEnded', undefined, { count: ended });
  },
);

/** A new set of recovery codes, shown once; the old ones stop working. Sensitive. */
export const renewRecoveryCodesAction = defineAction(
  'self',
  renewSchema,
  async ({ user, actor }): Promise<ActionResult<{ recoveryCodes: string[] }>> => {
    const result = await regenerateRecoveryCodes(actor, user.id);
    if (!result.ok) return failure('account.twoFactorOff');
    return success('account.codesRenewed', { recoveryCodes: result.recoveryCodes });
  },
  { reauth: true },
);
