import 'server-only';
import type { z } from 'zod';
import { actorOf, clientAddress, getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import type { AuditActor } from '@/lib/data/audit';
import { isRecentlyAuthenticated } from '@/lib/domain/sessions';
import { can, type Action } from '@/lib/domain/permissions';
import { formValues } from '@/lib/forms/form-values';
import { failure, formObject, invalidInput, type ActionResult } from './result';

/**
 * Who may call a server action: one policy action; any of several (a workflow step, whose own
 * permission is checked once the step is known); 'self' (any signed-in user on their own
 * account, even one who still owes a password change); 'public' (no sign-in).
 */
export type Policy = Action | readonly Action[] | 'self' | 'public';

export interface ActionContext<I> {
  user: CurrentUser;
  actor: AuditActor;
  input: I;
  formData: FormData;
}

const policies = new WeakMap<object, Policy>();

/** The policy an exported server action was defined with (the access tests derive the map from it). */
export function policyOf(fn: unknown): Policy | undefined {
  return typeof fn === 'function' ? policies.get(fn) : undefined;
}

function admits(user: CurrentUser, policy: Exclude<Policy, 'public'>): boolean {
  if (policy === 'self') return true;
  if (user.setupOwed) return false;
  return typeof policy === 'string' ? can(user, policy) : policy.some((a) => can(user, a));
}

/** The calling user and their audit identity when the policy admits them, else null. */
async function sessionFor(policy: Exclude<Policy, 'public'>) {
  const user = await getCurrentUser();
  if (!user || !admits(user, policy)) return null;
  return { user, actor: actorOf(user, await clientAddress()) };
}

/**
 * The one way to write a form's server action: authenticate and check the policy, validate the
 * form with `schema` (read by `read`, by default the form's string fields), then run `handler`.
 * A refusal at any step answers an error and the fields the user typed (never a secret), so the
 * form shows them again with the failing ones marked.
 */
export function defineAction<S extends z.ZodType, T = undefined>(
  policy: Exclude<Policy, 'public'>,
  schema: S,
  handler: (ctx: ActionContext<z.output<S>>) => Promise<ActionResult<T>>,
  options: {
    read?: (formData: FormData, user: CurrentUser) => unknown;
    /**
     * A sensitive action (OWASP ASVS 3.7.1): the user must have given their password or a code
     * within the last minutes (lib/domain/sessions.ts), else they are asked to first. A function
     * decides from the input (promoting to administrator, not every edit).
     */
    reauth?: boolean | ((input: z.output<S>) => boolean);
  } = {},
): (prev: ActionResult<T>, formData: FormData) => Promise<ActionResult<T>> {
  const action = async (_prev: ActionResult<T>, formData: FormData) => {
    const values = formValues(formData);
    const session = await sessionFor(policy);
    if (!session) return { ...(await failure<T>('signedOut')), values };
    const parsed = schema.safeParse(
      options.read ? options.read(formData, session.user) : formObject(formData),
    );
    if (!parsed.success) return { ...(await invalidInput<T>(parsed.error)), values };
    const sensitive =
      typeof options.reauth === 'function' ? options.reauth(parsed.data) : options.reauth;
    if (sensitive && !isRecentlyAuthenticated(session.user.authenticatedAt, new Date()))
      return { ...(await failure<T>('reauthRequired')), values, reauth: true };
    const result = await handler({ ...session, input: parsed.data, formData });
    return result.status === 'error' ? { values, ...result } : result;
  };
  policies.set(action, policy);
  return action;
}

/** A server action without form input (a button), for the signed-in user the policy admits. */
export function withUser<R>(
  policy: Exclude<Policy, 'public'>,
  handler: (session: { user: CurrentUser; actor: AuditActor } | null) => Promise<R>,
): () => Promise<R> {
  const action = async () => handler(await sessionFor(policy));
  policies.set(action, policy);
  return action;
}

/** A server action anyone may call (signing in, choosing a language); it checks its own input. */
export function publicAction<A extends unknown[], R>(
  handler: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  const action = async (...args: A) => handler(...args);
  policies.set(action, 'public');
  return action;
}
