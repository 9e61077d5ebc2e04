import 'server-only';
import { clientAddress } from '@/lib/auth/current-user';
import { recordAuditEvent } from '@/lib/data/audit';
import { recordRefusal } from '@/lib/data/refusals';
import { authenticateApiToken } from '@/lib/data/accounts/api-tokens';
import type { Scope } from '@/lib/domain/permissions';

/** JSON with the headers every API answer carries. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, {
    status,
    headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}

export const notFound = () => json({ error: 'not_found' }, 404);

/**
 * Every /api/v1 call: a bearer token, checked and scoped; the call is audited. Without a valid
 * token the answer is 401; anything outside the token's scope is 404.
 */
export async function withApiToken(
  request: Request,
  handler: (scope: Scope) => Promise<Response>,
): Promise<Response> {
  const header = request.headers.get('authorization') ?? '';
  const raw = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null;
  const check = await authenticateApiToken(raw);
  const ip = await clientAddress();
  if (!check.ok) {
    // Refused calls are audited too (bounded): a token being guessed or used after revocation shows.
    await recordRefusal(
      { userId: null, email: 'token:?', ip },
      {
        action: 'api.refused',
        entity: 'apitoken',
        entityId: raw ? raw.slice(0, 11) : '-', // the public prefix only
        after: { path: new URL(request.url).pathname, reason: check.error },
      },
    );
    return new Response(JSON.stringify({ error: 'unauthorized', reason: check.error }), {
      status: 401,
      headers: {
        'Content-Type': 'application/json',
        'WWW-Authenticate': 'Bearer realm="kieu-mau"',
        'Cache-Control': 'no-store',
      },
    });
  }
  const response = await handler(check.scope);
  const url = new URL(request.url);
  await recordAuditEvent(
    {
      userId: null,
      email: `token:${check.name}`,
      ip,
    },
    {
      action: 'api.call',
      entity: 'apitoken',
      entityId: check.tokenId,
      provinceCode: check.provinceCode,
      after: { path: url.pathname, query: url.search, status: response.status },
    },
  );
  return response;
}
