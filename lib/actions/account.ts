'use server';

import { changeOwnPassword } from '@/lib/data/passwords';
import { changePasswordSchema } from '@/lib/validations/users';
import { defineAction } from './define';
import { failure, formObject, success } from './result';

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
