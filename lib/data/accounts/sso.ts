import 'server-only';
import { db } from '@/lib/server/db';
import type { Locale } from '@/lib/i18n/config';
import { recordAudit, recordAuditEvent } from '../audit';
import { createSession } from './sessions';
import { account, accountSelect, type SessionUser } from './session-user';

/** What the identity provider said about the person (lib/auth/oidc.ts ProviderIdentity). */
export interface SignedOnIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  secondFactor: boolean;
  idToken: string;
}

export type SsoSignInOutcome =
  | {
      ok: true;
      /** Who signed on, with the scope that decides where they land. */
      user: SessionUser;
      sessionId: string;
      /** The provider vouched no second factor and the account has its own: it is asked next. */
      secondFactorPending: boolean;
    }
  | { ok: false; reason: 'unknown' | 'disabled' };

/**
 * Opens a session for the account the provider's identity belongs to. The account must exist:
 * an administrator creates it and grants its role and scope in the app, as for any account. It is
 * found by the provider's subject, bound on the first single sign-on; until then by the
 * provider's verified e-mail, never an unverified one, and never an account already bound to
 * another subject. A disabled account is refused. The session is the app's own
 * (server-side, revocable, audited); a second factor the provider vouched for counts, otherwise
 * an account with two-factor sign-in gives its code next, as after a password.
 */
export async function signInWithProvider(
  identity: SignedOnIdentity,
  ip: string | null,
  userAgent: string | null,
  locale: Locale | null,
): Promise<SsoSignInOutcome> {
  const bound = await db().user.findUnique({
    where: { oidcSubject: identity.subject },
    select: accountSelect,
  });
  const byEmail =
    !bound && identity.email && identity.emailVerified
      ? await db().user.findFirst({
          where: { email: identity.email, oidcSubject: null },
          select: accountSelect,
        })
      : null;
  const user = bound ?? byEmail;
  if (!user || !user.isActive) {
    const reason = user ? 'disabled' : 'unknown';
    await recordAuditEvent(
      { userId: user?.id ?? null, email: identity.email, ip },
      {
        action: 'auth.sso_refused',
        entity: 'user',
        entityId: user?.id ?? identity.subject,
        after: { reason, subject: identity.subject, emailVerified: identity.emailVerified },
      },
    );
    return { ok: false, reason };
  }
  const secondFactorPending = !identity.secondFactor && user.totpEnabledAt !== null;
  const sessionId = await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        lastLoginAt: new Date(),
        ...(locale ? { locale } : {}),
        ...(bound ? {} : { oidcSubject: identity.subject }),
      },
    });
    const id = await createSession(tx, {
      userId: user.id,
      ip,
      userAgent,
      secondFactor: !secondFactorPending,
      provider: { idToken: identity.idToken, secondFactor: identity.secondFactor },
    });
    await recordAudit(
      tx,
      { userId: user.id, email: user.email, ip },
      {
        action: secondFactorPending ? 'auth.sso_ok' : 'auth.sign_in',
        entity: 'user',
        entityId: user.id,
        after: {
          method: 'sso',
          ...(bound ? {} : { boundSubject: identity.subject }),
          secondFactor: identity.secondFactor ? 'provider' : secondFactorPending ? 'owed' : 'none',
        },
      },
    );
    return id;
  });
  return { ok: true, user: account(user), sessionId, secondFactorPending };
}
