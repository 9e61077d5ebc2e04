import 'server-only';
import { actorOf, clientAddress, getCurrentUser, type CurrentUser } from '@/lib/auth';
import type { AuditActor } from '@/lib/data/audit';
import { can, type Action } from '@/lib/permissions';

/**
 * The first step of every server action: who is calling. Null when signed out, deactivated,
 * holding a stale session, or still owing a password change; or when the role may never do
 * `action` at all. Callers answer null with the same refusal either way. 'self' admits a user
 * who must still change their password (to change it); 'any' leaves the role check to the
 * caller, for actions whose permission depends on the input (workflow transitions).
 */
export async function actionUser(
  action: Action | 'self' | 'any',
): Promise<{ user: CurrentUser; actor: AuditActor } | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  if (action !== 'self' && user.setupOwed) return null;
  if (action !== 'self' && action !== 'any' && !can(user, action)) return null;
  return { user, actor: actorOf(user, await clientAddress()) };
}
