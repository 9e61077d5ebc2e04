import 'server-only';
import { getCurrentUser, type CurrentUser } from '@/lib/auth';

/**
 * The first step of every signed-in route handler: the user whose session is good and owes
 * nothing (password change, two-factor setup), or the answer to send. Writes must come from a
 * page of this site: a POST whose Origin is missing or another site's is refused (SameSite
 * cookies alone are not enough for a police system).
 */
export async function routeUser(
  request: Request,
  options: { write?: boolean } = {},
): Promise<CurrentUser | Response> {
  if (options.write && !sameOrigin(request)) return new Response('Forbidden', { status: 403 });
  const user = await getCurrentUser();
  if (!user || user.setupOwed) return new Response('Unauthorized', { status: 401 });
  return user;
}

export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host =
    request.headers.get('x-forwarded-host') ??
    request.headers.get('host') ??
    new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
