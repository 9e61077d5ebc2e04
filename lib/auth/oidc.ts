import 'server-only';
import { decode, encode } from 'next-auth/jwt';
import * as oidc from 'openid-client';
import { authSecret, readEnv, type Env } from '@/lib/server/env';
import { log, errorField } from '@/lib/server/log';

/**
 * Single sign-on through the Ministry's OpenID Connect provider (Keycloak, say), with
 * openid-client: the authorization code flow with PKCE, `state` and `nonce`, the ID token's
 * signature, issuer, audience, expiry and nonce all checked by the library. This module speaks to
 * the provider; who the person is in the app, and their session, is lib/data/accounts/sso.ts.
 *
 * Between the two legs, what the callback must find again (state, nonce, PKCE verifier, where to
 * go next) travels in a short-lived cookie, encrypted like the session cookie.
 */

export const SSO_PENDING_COOKIE = 'kieumau.sso';
export const SSO_PENDING_SECONDS = 600;
export const SSO_CALLBACK_PATH = '/login/sso/callback';

export const ssoEnabled = (env: Env = readEnv()) => Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID);

/** What the provider says about the person, as far as the app uses it. */
export interface ProviderIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  /** The provider vouched for a second factor (its `acr` or `amr` named in OIDC_SECOND_FACTOR). */
  secondFactor: boolean;
  idToken: string;
}

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

/** The Set-Cookie header that keeps (or, with no value, clears) the pending sign-on. */
export function pendingCookie(value: string | null, origin: string): string {
  return [
    `${SSO_PENDING_COOKIE}=${value ?? ''}`,
    'Path=/login/sso',
    'HttpOnly',
    // Lax: the provider sends the browser back with a top-level GET, which carries it.
    'SameSite=Lax',
    `Max-Age=${value ? SSO_PENDING_SECONDS : 0}`,
    ...(origin.startsWith('https:') ? ['Secure'] : []),
  ].join('; ');
}

/** The pending sign-on's cookie in a request, if any. */
export function readPendingCookie(request: Request): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SSO_PENDING_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The provider's configuration from its discovery document, fetched once per process. */
function configuration(env: Env): Promise<oidc.Configuration> {
  const issuer = env.OIDC_ISSUER;
  const clientId = env.OIDC_CLIENT_ID;
  if (!issuer || !clientId) throw new Error('single sign-on is not configured');
  const id = `${issuer}|${clientId}`;
  let found = configurations.get(id);
  if (!found) {
    const url = new URL(issuer);
    // Plain HTTP only to a provider on this machine (a test or a local trial), never across a network.
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    found = oidc
      .discovery(url, clientId, env.OIDC_CLIENT_SECRET, undefined, {
        execute: loopback && url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        configurations.delete(id);
        throw error;
      });
    configurations.set(id, found);
  }
  return found;
}

/** The first leg: where to send the browser, and the cookie value the callback needs. */
export async function startSso(
  origin: string,
  returnTo: string,
): Promise<{ url: string; pending: string }> {
  const env = readEnv();
  const config = await configuration(env);
  const pending: Pending = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    returnTo,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: new URL(SSO_CALLBACK_PATH, origin).href,
    scope: env.OIDC_SCOPE,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  });
  const value = await encode({
    token: { ...pending },
    secret: authSecret(env),
    maxAge: SSO_PENDING_SECONDS,
  });
  return { url: url.href, pending: value };
}

export type SsoFailure = 'expired' | 'refused';

/**
 * The second leg: the provider sent the browser back to `callbackUrl`. The code is exchanged for
 * tokens only when the state matches the cookie's, and the ID token is accepted only with the
 * cookie's nonce. Anything else (a tampered or replayed callback, an error from the provider) is
 * a refusal, logged with its reason.
 */
export async function finishSso(
  callbackUrl: URL,
  pendingValue: string | undefined,
): Promise<
  { ok: true; identity: ProviderIdentity; returnTo: string } | { ok: false; reason: SsoFailure }
> {
  const env = readEnv();
  const pending = pendingValue ? await readPending(pendingValue, env) : null;
  if (!pending) return { ok: false, reason: 'expired' };
  try {
    const config = await configuration(env);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) return { ok: false, reason: 'refused' };
    // Providers that keep the e-mail out of the ID token give it at the userinfo endpoint.
    const profile =
      typeof claims.email === 'string'
        ? claims
        : await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    const vouched = env.OIDC_SECOND_FACTOR.split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
    const acr = typeof claims.acr === 'string' ? claims.acr : null;
    return {
      ok: true,
      returnTo: pending.returnTo,
      identity: {
        subject: claims.sub,
        email: typeof profile.email === 'string' ? profile.email.trim().toLowerCase() : null,
        emailVerified: profile.email_verified === true,
        secondFactor: vouched.some((v) => v === acr || amr.includes(v)),
        idToken: tokens.id_token,
      },
    };
  } catch (error) {
    log.warn({ err: errorField(error) }, 'single sign-on refused');
    return { ok: false, reason: 'refused' };
  }
}

async function readPending(value: string, env: Env): Promise<Pending | null> {
  try {
    const token = await decode({ token: value, secret: authSecret(env) });
    const { state, nonce, verifier, returnTo } = token ?? {};
    return typeof state === 'string' &&
      typeof nonce === 'string' &&
      typeof verifier === 'string' &&
      typeof returnTo === 'string'
      ? { state, nonce, verifier, returnTo }
      : null;
  } catch {
    return null;
  }
}

/**
 * Where to send a user who signs out of a session opened by single sign-on, so the provider's
 * session ends too; null when the provider has no end-session endpoint.
 */
export async function ssoSignOutUrl(idToken: string, origin: string): Promise<string | null> {
  try {
    const config = await configuration(readEnv());
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: new URL('/login?notice=signedOut', origin).href,
    }).href;
  } catch (error) {
    log.warn({ err: errorField(error) }, 'single sign-on: no end-session address');
    return null;
  }
}
