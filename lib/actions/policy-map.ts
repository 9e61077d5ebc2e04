import * as account from './account';
import * as apiTokens from './api-tokens';
import * as assessments from './assessments';
import * as auth from './auth';
import * as calendar from './calendar';
import * as criteriaSets from './criteria-sets';
import { policyOf, type Policy } from './define';
import * as locale from './locale';
import * as notifications from './notifications';
import * as subscriptions from './subscriptions';
import * as targets from './targets';
import * as units from './units';
import * as users from './users';

/** Every server-action module, by file name. */
export const actionModules: Record<string, Record<string, unknown>> = {
  account,
  'api-tokens': apiTokens,
  assessments,
  auth,
  calendar,
  'criteria-sets': criteriaSets,
  locale,
  notifications,
  subscriptions,
  targets,
  units,
  users,
};

/**
 * Every exported server action and the policy it was defined with (lib/actions/define.ts), keyed
 * `file#name`. Derived, never written by hand: an action exported without defineAction, withUser
 * or publicAction has no policy and tests/integration/access/action-policies.test.ts fails.
 */
export const serverActionPolicy: Record<string, Policy> = Object.fromEntries(
  Object.entries(actionModules).flatMap(([file, mod]) =>
    Object.entries(mod).flatMap(([name, fn]) => {
      const policy = policyOf(fn);
      return policy ? [[`${file}#${name}`, policy] as const] : [];
    }),
  ),
);
