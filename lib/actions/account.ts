'use server';

import { changeOwnPassword } from '@/lib/data/passwords';
import { changePasswordSchema } from '@/lib/validations/users';
import { failure, formObject, invalidInput, success, type ActionResult } from './result';
import { actionUser } from './session';

/** Any signed-in user, for themselves; their other sessions end, this one stays. */
export async function changePasswordAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('self');
  if (!session) return failure('signedOut');
  const parsed = changePasswordSchema.safeParse({
    ...formObject(formData),
    email: session.user.email,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await changeOwnPassword(
    session.actor,
    session.user.id,
    session.user.sessionId,
    parsed.data.current,
    parsed.data.next,
  );
  if (!result.ok)
    return result.error === 'locked'
      ? failure('account.locked', { minutes: result.minutes })
      : result.error === 'wrong_password'
        ? failure('account.wrongPassword')
        : failure('account.samePassword');
  return success('account.passwordChanged');
}
