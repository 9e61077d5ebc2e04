import { getLiveSession } from '@/lib/auth/current-user';

/**
 * Whether the request's session cookie names a live session (204) or not (401). scripts/server.ts
 * asks it before reading a body over 1 MB, so only a signed-in user (whose session has not ended)
 * can make the server take in a large upload. It tells the caller nothing about anyone else.
 */
export const dynamic = 'force-dynamic';

export async function GET() {
  const live = await getLiveSession();
  return new Response(null, {
    status: live ? 204 : 401,
    headers: { 'Cache-Control': 'no-store' },
  });
}
