import type { Action } from '@/lib/permissions';

/**
 * Every exported server action and the policy entry that guards it ('self': any signed-in user
 * acting on their own account; 'public': no sign-in needed). tests/integration/access-matrix.test.ts
 * fails when an action in lib/actions has no entry here.
 */
export const serverActionPolicy: Record<string, Action | 'self' | 'public'> = {
  'locale#setLocale': 'public',
  'account#changePasswordAction': 'self',
  'users#createUserAction': 'user.manage',
  'users#updateUserAction': 'user.manage',
  'users#resetPasswordAction': 'user.manage',
};
