import 'server-only';
import { db } from '@/lib/server/db';
import { verifyAgainstDecoy, verifyPassword } from '@/lib/server/crypto';
import { minutesLeft, signInKeys } from '@/lib/domain/throttle';
import { recordAudit } from '../audit';
import { createSession } from './sessions';
import { account, accountSelect, type SessionUser } from './session-user';
import { attemptFailed, attemptSucceeded, claimAttempt } from './throttle';
import type { Locale } from '@/lib/i18n/config';

export type SignInOutcome =
  | {
      ok: true;
      /** Who signed in, with the scope that decides where they land. */
      user: SessionUser;
      sessionId: string;
      /** The account has two-factor sign-in: the session is good only once the code is given. */
      secondFactorPending: boolean;
    }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

/**
 * Checks a sign-in and, when it succeeds, opens a server-side session in the same transaction as
 * its audit event. Unknown account, wrong password and inactive account give the same answer,
 * take the same time, and count towards the same locks, so nothing tells whether an account exists.
 * `deviceId` names a browser where this account signed in before (its device cookie, already
 * checked against the email): the account-wide lock does not hold it (lib/domain/throttle.ts).
 */
export async function attemptSignIn(
  emailInput: string,
  password: string,
  ip: string | null,
  userAgent: string | null = null,
  deviceId: string | null = null,
  /** The language the page was in: the account's e-mail is worded in it from now on. */
  locale: Locale | null = null,
): Promise<SignInOutcome> {
  const email = emailInput.trim().toLowerCase();
  const claim = await claimAttempt(signInKeys(email, ip, deviceId));
  if (!claim.ok) return { ok: false, reason: 'locked', minutes: claim.minutes };
  const now = new Date();

  const user = await db().user.findUnique({
    where: { email },
    select: { ...accountSelect, passwordHash: true },
  });
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDecoy(password);

  if (user && passwordOk && user.isActive) {
    const secondFactorPending = user.totpEnabledAt !== null;
    const sessionId = await db().$transaction(async (tx) => {
      await attemptSucceeded(tx, claim.attempt);
      await tx.user.update({
        where: { id: user.id },
        data: { lastLoginAt: now, ...(locale ? { locale } : {}) },
      });
      const id = await createSession(tx, {
        userId: user.id,
        ip,
        userAgent,
        secondFactor: !secondFactorPending,
      });
      await recordAudit(
        tx,
        { userId: user.id, email, ip },
        {
          action: secondFactorPending ? 'auth.password_ok' : 'auth.sign_in',
          entity: 'user',
          entityId: user.id,
        },
      );
      return id;
    });
    // The password's hash goes no further than this check.
    const { passwordHash: _hash, ...signedIn } = user;
    return {
      ok: true,
      user: account(signedIn),
      sessionId,
      secondFactorPending,
    };
  }

  const lock = await db().$transaction(async (tx) => {
    const until = await attemptFailed(tx, claim.attempt);
    await recordAudit(
      tx,
      { userId: null, email, ip },
      {
        action: until ? 'auth.locked' : 'auth.sign_in_failed',
        entity: 'user',
        entityId: email,
      },
    );
    return until;
  });
  return lock
    ? { ok: false, reason: 'locked', minutes: minutesLeft(lock, new Date()) }
    : { ok: false, reason: 'invalid' };
}
