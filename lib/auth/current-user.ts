import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { decodeClientHeader, CLIENT_HEADER } from '@/lib/server/client-address';
import { readLiveSession, type LiveSession } from '@/lib/data/accounts/sessions';
import { isDemoMode } from '@/lib/data/settings';
import type { SessionUser } from '@/lib/data/accounts/session-user';
import { secondFactorRequired } from '@/lib/domain/sessions';
import { readSessionClaims } from '@/lib/auth/session-token';
import { can, type Action, type RecordScope, type Scope } from '@/lib/domain/permissions';
import type { AuditActor } from '@/lib/data/audit';

/** The signed-in user of this request, with what their session still owes. */
export interface CurrentUser extends SessionUser {
  sessionId: string;
  /** ADMIN and MINISTRY accounts must set up two-factor sign-in before anything else. */
  mustEnrollSecondFactor: boolean;
  /** Either of the above: until it is done the user may act only on their own account. */
  setupOwed: boolean;
  /** The last time the user proved who they are in this session (sensitive actions ask again). */
  authenticatedAt: Date;
}

/**
 * The client address of the current request, for the audit trail and throttling: set by
 * scripts/server.ts from the socket (or a trusted proxy's X-Forwarded-For), never by the client.
 */
export async function clientAddress(): Promise<string | null> {
  try {
    return decodeClientHeader((await headers()).get(CLIENT_HEADER));
  } catch {
    return null; // outside a request (scripts)
  }
}

export async function userAgent(): Promise<string | null> {
  try {
    return (await headers()).get('user-agent');
  } catch {
    return null;
  }
}

/**
 * The session named by the cookie, when its row is still good: ended sessions (sign-out, password
 * change or reset, deactivation, role change), idle ones and ones past their absolute lifetime
 * are gone on every instance at once. It may still owe its second factor.
 */
export const getLiveSession = cache(async (): Promise<LiveSession | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  return readLiveSession(claims.sid, claims.uid);
});

/** The signed-in user, once the second factor (when enrolled) has been given. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getLiveSession();
  if (!session) return null;
  if (session.user.twoFactorEnabled && !session.secondFactorDone) return null;
  // The demo's accounts are public and shared, announced on every page: no enrolment there. A
  // second factor the identity provider vouched for at single sign-on satisfies the rule.
  const mustEnrollSecondFactor =
    secondFactorRequired(session.user.role) &&
    !session.user.twoFactorEnabled &&
    !session.provider?.secondFactor &&
    !(await isDemoMode());
  // Signed in through the provider, the app's own password is not used: nothing to change first.
  const mustChangePassword = session.user.mustChangePassword && !session.provider;
  return {
    ...session.user,
    mustChangePassword,
    sessionId: session.id,
    authenticatedAt: session.authenticatedAt,
    mustEnrollSecondFactor,
    setupOwed: mustChangePassword || mustEnrollSecondFactor,
  };
});

/**
 * For pages: the user, or a redirect to sign in, to give the second factor, or to do what the
 * account still owes first (change an admin-set password, set up two-factor sign-in).
 */
export async function requireUser(options: { accountSetup?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect((await getLiveSession()) ? '/login/verify' : '/login');
  if (!options.accountSetup) {
    if (user.mustChangePassword) redirect('/account/password?first=1');
    if (user.mustEnrollSecondFactor) redirect('/account/two-factor?required=1');
  }
  return user;
}

/** For pages: the user when their role may do the action, else a 404. */
export async function requirePermission(
  action: Action,
  record?: RecordScope,
): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, action, record)) notFound();
  return user;
}

export function actorOf(user: Pick<SessionUser, 'id' | 'email'>, ip: string | null): AuditActor {
  return { userId: user.id, email: user.email, ip };
}

export type { SessionUser, Scope };
