import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as callback } from '@/app/(auth)/login/sso/callback/route';
import { GET as start } from '@/app/(auth)/login/sso/route';
import { SSO_PENDING_COOKIE } from '@/lib/auth/oidc';
import { db } from '@/lib/server/db';
import { context, redirectOf } from '@/tests/support/action-context';
import { makeUser, seedReference } from '@/tests/support/factories';
import { followProvider, startOidcProvider } from '@/tests/support/oidc-provider';

/**
 * Single sign-on through an OpenID Connect provider (oidc-provider, run on loopback): the browser's
 * round trip through the app's two routes and the provider, with the app's own session at the end.
 * Accounts are the app's: found by the provider's subject or verified e-mail, never created; a
 * disabled one is refused; a tampered state or nonce opens nothing.
 */

const APP = 'http://app.test';
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'app.test' }),
  cookies: async () => ({ get: () => undefined }),
}));

let provider: Awaited<ReturnType<typeof startOidcProvider>>;
const saved = { ...process.env };

beforeAll(async () => {
  await seedReference();
  provider = await startOidcProvider({
    accounts: {
      'cb-0001': { email: 'Tinh.Thanhhoa@bocongan.gov.vn', emailVerified: true },
      'cb-0002': { email: 'unverified@bocongan.gov.vn', emailVerified: false },
      'cb-0003': { email: 'stranger@bocongan.gov.vn', emailVerified: true },
      'cb-0004': { email: 'disabled@bocongan.gov.vn', emailVerified: true },
      'cb-0005': { email: 'admin.sso@bocongan.gov.vn', emailVerified: true },
    },
    redirectUris: [`${APP}/login/sso/callback`],
    postLogoutRedirectUris: [`${APP}/login?notice=signedOut`],
  });
  Object.assign(process.env, provider.env, { OIDC_SECOND_FACTOR: 'mfa' });
  await makeUser('PROVINCE', { provinceCode: '38', email: 'tinh.thanhhoa@bocongan.gov.vn' });
  await makeUser('PROVINCE', { provinceCode: '38', email: 'unverified@bocongan.gov.vn' });
  await makeUser('PROVINCE', {
    provinceCode: '38',
    email: 'disabled@bocongan.gov.vn',
    isActive: false,
  });
  await makeUser('ADMIN', { email: 'admin.sso@bocongan.gov.vn' });
}, 180_000);

afterAll(async () => {
  process.env = saved;
  await provider.stop();
});

/** The browser's trip: the app's start route, the provider, back to the app's callback. */
async function signOn(
  subject: string,
  options: {
    amr?: string[];
    /** The page the sign-in page was asked for; none by default is "/wards". */
    returnTo?: string | null;
    tamper?: (callbackUrl: URL, cookie: string) => { url: URL; cookie: string };
  } = {},
) {
  context.claims = null;
  const returnTo = options.returnTo === undefined ? '/wards' : options.returnTo;
  const query = returnTo === null ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const started = await start(new Request(`${APP}/login/sso${query}`));
  expect(started.status).toBe(303);
  const pending = /^kieumau\.sso=([^;]+)/.exec(started.headers.get('set-cookie') ?? '')?.[1] ?? '';
  provider.nextLogin({ subject, amr: options.amr ?? ['pwd'] });
  let url = await followProvider(started.headers.get('location') ?? '', provider.issuer);
  let cookie = `${SSO_PENDING_COOKIE}=${pending}`;
  if (options.tamper) ({ url, cookie } = options.tamper(url, cookie));
  const answer = await callback(new Request(url, { headers: { cookie } }));
  return { answer, location: answer.headers.get('location'), started };
}

describe('single sign-on', () => {
  it('sends the browser to the provider with PKCE, state and nonce, keeping them in a short cookie', async () => {
    const started = await start(new Request(`${APP}/login/sso?returnTo=/wards`));
    const to = new URL(started.headers.get('location') ?? '');
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('redirect_uri')).toBe(`${APP}/login/sso/callback`);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('state')).toBeTruthy();
    expect(to.searchParams.get('nonce')).toBeTruthy();
    expect(started.headers.get('set-cookie')).toMatch(
      /^kieumau\.sso=[^;]+; Path=\/login\/sso; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );
  });

  it('signs a known account in by its verified e-mail, binds the subject, and opens a session', async () => {
    const { location } = await signOn('cb-0001');
    expect(location).toBe(`${APP}/wards`);
    const user = await db().user.findUniqueOrThrow({
      where: { email: 'tinh.thanhhoa@bocongan.gov.vn' },
    });
    expect(user.oidcSubject).toBe('cb-0001');
    expect(context.claims?.uid).toBe(user.id);
    const session = await db().userSession.findUniqueOrThrow({
      where: { id: context.claims?.sid ?? '' },
    });
    expect(session.secondFactorAt).not.toBeNull();
    expect(session.idpIdToken).toMatch(/^ey/);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: 'auth.sign_in', entityId: String(user.id) },
      orderBy: { id: 'desc' },
    });
    expect(event.after).toMatchObject({ method: 'sso', boundSubject: 'cb-0001' });

    // Next time by the subject, whatever the e-mail says now.
    await db().user.update({ where: { id: user.id }, data: { email: 'renamed@example.vn' } });
    expect((await signOn('cb-0001')).location).toBe(`${APP}/wards`);
    expect(context.claims?.uid).toBe(user.id);
    // With no page asked for, straight to the officer's own province rather than through "/".
    expect((await signOn('cb-0001', { returnTo: null })).location).toBe(`${APP}/provinces/38`);
  });

  it('refuses a person with no account, or only an unverified e-mail, and creates nothing', async () => {
    const users = await db().user.count();
    for (const subject of ['cb-0003', 'cb-0002']) {
      const { location } = await signOn(subject);
      expect(location).toBe(`${APP}/login?notice=ssoUnknown`);
      expect(context.claims).toBeNull();
    }
    expect(await db().user.count()).toBe(users);
    expect(
      await db().user.count({ where: { email: 'unverified@bocongan.gov.vn', oidcSubject: null } }),
    ).toBe(1);
    expect(await db().auditEvent.count({ where: { action: 'auth.sso_refused' } })).toBe(2);
  });

  it('refuses a disabled account', async () => {
    const { location } = await signOn('cb-0004');
    expect(location).toBe(`${APP}/login?notice=ssoDisabled`);
    expect(context.claims).toBeNull();
  });

  it('refuses a callback whose state was changed, or that comes without its cookie', async () => {
    const changed = await signOn('cb-0001', {
      tamper: (url, cookie) => {
        url.searchParams.set('state', 'forged-state');
        return { url, cookie };
      },
    });
    expect(changed.location).toBe(`${APP}/login?notice=ssoRefused`);
    expect(context.claims).toBeNull();
    const cookieless = await signOn('cb-0001', { tamper: (url) => ({ url, cookie: '' }) });
    expect(cookieless.location).toBe(`${APP}/login?notice=ssoExpired`);
    expect(context.claims).toBeNull();
  });

  it("refuses an ID token whose nonce is not this browser's", async () => {
    // Another sign-on's cookie (its own state, nonce and verifier) with this one's state: the
    // state then matches, and the ID token's nonce (and the PKCE verifier) do not.
    const other = await start(new Request(`${APP}/login/sso`));
    const otherCookie = /^kieumau\.sso=([^;]+)/.exec(other.headers.get('set-cookie') ?? '')?.[1];
    const otherState = new URL(other.headers.get('location') ?? '').searchParams.get('state');
    const swapped = await signOn('cb-0001', {
      tamper: (url) => {
        url.searchParams.set('state', otherState ?? '');
        return { url, cookie: `${SSO_PENDING_COOKIE}=${otherCookie}` };
      },
    });
    expect(swapped.location).toBe(`${APP}/login?notice=ssoRefused`);
    expect(context.claims).toBeNull();
  });

  it("counts the provider's second factor, and asks the app's own otherwise", async () => {
    // An administrator must have a second factor: with the provider's `mfa` nothing more is owed.
    const admin = await db().user.findUniqueOrThrow({
      where: { email: 'admin.sso@bocongan.gov.vn' },
    });
    await db().user.update({ where: { id: admin.id }, data: { totpEnabledAt: null } });
    const withMfa = await signOn('cb-0005', { amr: ['pwd', 'mfa'] });
    expect(withMfa.location).toBe(`${APP}/wards`);
    const { getCurrentUser } = await import('@/lib/auth/current-user');
    expect(await getCurrentUser()).toMatchObject({ mustEnrollSecondFactor: false });
    // Without it, the administrator is sent to set up the app's own two-factor sign-in first.
    const withoutMfa = await signOn('cb-0005', { amr: ['pwd'] });
    expect(withoutMfa.location).toBe(`${APP}/wards`);
    expect(await getCurrentUser()).toMatchObject({ mustEnrollSecondFactor: true });
    // An account with the app's own two-factor gives its code next, unless the provider vouched.
    await db().user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } });
    const owed = await signOn('cb-0005', { amr: ['pwd'] });
    expect(owed.location).toBe(`${APP}/login/verify?returnTo=%2Fwards`);
    expect(await getCurrentUser()).toBeNull();
    expect((await signOn('cb-0005', { amr: ['mfa'] })).location).toBe(`${APP}/wards`);
  });

  it("signing out ends the app's session and goes on to end the provider's", async () => {
    await signOn('cb-0001');
    const sid = context.claims?.sid ?? '';
    const { signOutAction } = await import('@/lib/actions/auth');
    const to = new URL((await redirectOf(() => signOutAction())) ?? '');
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/login?notice=signedOut`);
    expect(
      (await db().userSession.findUniqueOrThrow({ where: { id: sid } })).endedAt,
    ).not.toBeNull();
    // The provider accepts the hint: it answers its sign-out page, not an error.
    const page = await fetch(to);
    expect(page.status).toBe(200);
  });
});
