import type { Action } from '@/lib/permissions';

/**
 * Every exported server action and the policy entry that guards it ('self': any signed-in user
 * acting on their own account; 'public': no sign-in needed). tests/integration/access-matrix.test.ts
 * fails when an action in lib/actions has no entry here.
 */
export const serverActionPolicy: Record<string, Action | Action[] | 'self' | 'public'> = {
  'locale#setLocale': 'public',
  'account#changePasswordAction': 'self',
  'users#createUserAction': 'user.manage',
  'users#updateUserAction': 'user.manage',
  'users#resetPasswordAction': 'user.manage',
  'users#resetTwoFactorAction': 'user.reset_second_factor',
  'auth#signInAction': 'public',
  'auth#verifySecondFactorAction': 'public',
  'auth#signOutAction': 'public',
  'auth#beginEnrolmentAction': 'self',
  'auth#confirmEnrolmentAction': 'self',
  'assessments#saveResultAction': 'result.edit',
  // The workflow transition's own permission is checked once the transition is known.
  'assessments#transitionAction': [
    'assessment.submit',
    'assessment.review',
    'assessment.inspect',
    'assessment.decide',
    'assessment.cancel',
    'assessment.register',
  ],
  'assessments#registerWardsAction': 'assessment.register',
  'assessments#addEvidenceAction': 'evidence.add',
  'assessments#removeEvidenceAction': 'evidence.remove',
  'targets#saveTargetAction': 'target.manage',
  'targets#deleteTargetAction': 'target.manage',
  'api-tokens#issueTokenAction': 'apitoken.manage',
  'api-tokens#revokeTokenAction': 'apitoken.manage',
  'criteria-sets#updateCriterionAction': 'criteria.manage',
  'criteria-sets#setYearsAction': 'criteria.manage',
  'criteria-sets#importCriteriaSetAction': 'criteria.manage',
  'units#designateSuccessorAction': 'unit.manage',
};
