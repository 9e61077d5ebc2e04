import { notFound, publicOrigin } from '@/lib/auth/route-user';
import { pendingCookie, ssoEnabled, startSso } from '@/lib/auth/oidc';
import { safeReturnPath } from '@/lib/domain/redirects';
import { errorField, log } from '@/lib/server/log';

export const dynamic = 'force-dynamic';

/**
 * "Đăng nhập bằng tài khoản Bộ Công an": sends the browser to the Ministry's identity provider
 * (lib/auth/oidc.ts), with what the callback must find again in a short-lived cookie. A 404 when
 * single sign-on is not configured.
 */
export async function GET(request: Request) {
  if (!ssoEnabled()) return notFound();
  const origin = publicOrigin(request.headers, request.url);
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get('returnTo') ?? undefined);
  try {
    const { url, pending } = await startSso(origin, returnTo);
    return new Response(null, {
      status: 303,
      headers: { Location: url, 'Set-Cookie': pendingCookie(pending, origin) },
    });
  } catch (error) {
    log.error({ err: errorField(error) }, 'single sign-on: provider unreachable');
    return new Response(null, {
      status: 303,
      headers: { Location: new URL('/login?notice=ssoUnavailable', origin).href },
    });
  }
}
