import { clientAddress, userAgent } from '@/lib/auth/current-user';
import { finishSso, pendingCookie, readPendingCookie, ssoEnabled } from '@/lib/auth/oidc';
import { notFound, publicOrigin } from '@/lib/auth/route-user';
import { writeDeviceCookie, writeSessionCookie } from '@/lib/auth/session-token';
import { signInWithProvider } from '@/lib/data/accounts/sso';
import { localeOf } from '@/lib/i18n/config';
import { landingPath } from '@/lib/domain/navigation';

export const dynamic = 'force-dynamic';

/**
 * Where the identity provider sends the browser back. The provider's answer is checked
 * (state, PKCE, the ID token's signature and nonce: lib/auth/oidc.ts), the account found
 * (lib/data/accounts/sso.ts), and the app's own session opened; anything refused goes back to
 * the sign-in page with a sentence saying why, and opens nothing.
 */
export async function GET(request: Request) {
  if (!ssoEnabled()) return notFound();
  const origin = publicOrigin(request.headers, request.url);
  const back = (path: string) =>
    new Response(null, {
      status: 303,
      headers: { Location: new URL(path, origin).href, 'Set-Cookie': pendingCookie(null, origin) },
    });
  // The code is exchanged against the address the provider was given: the public one.
  const asked = new URL(request.url);
  const callback = new URL(`${asked.pathname}${asked.search}`, origin);
  const finished = await finishSso(callback, readPendingCookie(request));
  if (!finished.ok)
    return back(`/login?notice=${finished.reason === 'expired' ? 'ssoExpired' : 'ssoRefused'}`);
  const outcome = await signInWithProvider(
    finished.identity,
    await clientAddress(),
    await userAgent(),
    localeOf(request),
  );
  if (!outcome.ok)
    return back(`/login?notice=${outcome.reason === 'disabled' ? 'ssoDisabled' : 'ssoUnknown'}`);
  await writeSessionCookie({ uid: outcome.user.id, sid: outcome.sessionId });
  const target = finished.returnTo;
  if (outcome.secondFactorPending)
    return back(`/login/verify?returnTo=${encodeURIComponent(target)}`);
  await writeDeviceCookie(outcome.user.email);
  return back(landingPath(outcome.user, target));
}
