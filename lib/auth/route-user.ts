import 'server-only';
import type { z } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { can, type Action } from '@/lib/domain/permissions';
import { searchObject } from '@/lib/validations/exports';
import { recordId } from '@/lib/validations/ids';
import { readEnv } from '@/lib/server/env';

/**
 * The first step of every signed-in route handler: the user whose session is good and owes
 * nothing (password change, two-factor setup), or the answer to send. Writes must come from a
 * page of this site: a POST whose Origin is missing or another site's is refused (SameSite
 * cookies alone are not enough for a police system). A `policy` the user's role does not hold
 * answers "not found", as a record outside their scope does.
 */
export async function routeUser(
  request: Request,
  options: { write?: boolean; policy?: Action } = {},
): Promise<CurrentUser | Response> {
  if (options.write && !sameOrigin(request)) return new Response('Forbidden', { status: 403 });
  const user = await getCurrentUser();
  if (!user || user.setupOwed) return new Response('Unauthorized', { status: 401 });
  if (options.policy && !can(user, options.policy)) return notFound();
  return user;
}

/**
 * A signed-in GET that reads its query string: the user as routeUser admits them, and the query
 * (with `extra`, e.g. route parameters) parsed by `schema`, or a 400 naming the fields.
 */
export async function routeQuery<S extends z.ZodType>(
  request: Request,
  policy: Action,
  schema: S,
  extra: Record<string, unknown> = {},
): Promise<{ user: CurrentUser; query: z.output<S> } | Response> {
  const user = await routeUser(request, { policy });
  if (user instanceof Response) return user;
  const parsed = schema.safeParse({ ...searchObject(new URL(request.url)), ...extra });
  if (!parsed.success)
    return Response.json(
      { error: 'invalid query', issues: parsed.error.issues.map((i) => i.path.join('.')) },
      { status: 400 },
    );
  return { user, query: parsed.data };
}

/**
 * A signed-in GET of one record named in the path (`/api/…/[id]`): the user as routeUser admits
 * them and the record's id, or the answer to send (an id that is not one is "not found").
 */
export async function routeRecord(
  request: Request,
  params: Promise<{ id: string }>,
  policy: Action,
): Promise<{ user: CurrentUser; id: number } | Response> {
  const user = await routeUser(request, { policy });
  if (user instanceof Response) return user;
  const id = recordId.safeParse((await params).id);
  return id.success ? { user, id: id.data } : notFound();
}

export const notFound = () => new Response('Not found', { status: 404 });

/**
 * The app's public address as the browser sees it: NEXTAUTH_URL when set, else the request's host
 * and protocol (a trusted proxy's forwarded ones; scripts/server.ts drops anyone else's).
 */
export function publicOrigin(requestHeaders: Headers, fallbackUrl = 'http://localhost'): string {
  const configured = readEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const fallback = new URL(fallbackUrl);
  const host =
    requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? fallback.host;
  const protocol = requestHeaders.get('x-forwarded-proto') ?? fallback.protocol.replace(':', '');
  return `${protocol}://${host}`;
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
