import 'server-only';
import { db } from '@/lib/db';
import { verifyAgainstDecoy, verifyPassword } from '@/lib/crypto';
import { addressKey, minutesLeft, pairKey, throttlePolicy } from '@/lib/domain/sign-in-throttle';
import { recordAudit } from './audit';
import { createSession } from './sessions';
import { activeLock, clearFailures, recordFailure } from './throttle';

export type SignInOutcome =
  | {
      ok: true;
      user: { id: number; email: string; name: string };
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
 */
export async function attemptSignIn(
  emailInput: string,
  password: string,
  ip: string | null,
  userAgent: string | null = null,
): Promise<SignInOutcome> {
  const email = emailInput.trim().toLowerCase();
  const pair = pairKey(email, ip);
  const keys = [pair, ...(ip ? [addressKey(ip)] : [])];
  const now = new Date();
  const lockedUntil = await activeLock(keys, now);
  if (lockedUntil) return { ok: false, reason: 'locked', minutes: minutesLeft(lockedUntil, now) };

  const user = await db().user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      isActive: true,
      totpEnabledAt: true,
    },
  });
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDecoy(password);

  if (user && passwordOk && user.isActive) {
    const secondFactorPending = user.totpEnabledAt !== null;
    const sessionId = await db().$transaction(async (tx) => {
      await clearFailures(tx, pair);
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
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
    return {
      ok: true,
      user: { id: user.id, email: user.email, name: user.name },
      sessionId,
      secondFactorPending,
    };
  }

  const lock = await db().$transaction(async (tx) => {
    const pairLock = await recordFailure(tx, pair, throttlePolicy.pairLimit);
    const addressLock = ip
      ? await recordFailure(tx, addressKey(ip), throttlePolicy.addressLimit)
      : null;
    const until = [pairLock, addressLock].filter((d): d is Date => d !== null);
    await recordAudit(
      tx,
      { userId: null, email, ip },
      {
        action: until.length > 0 ? 'auth.locked' : 'auth.sign_in_failed',
        entity: 'user',
        entityId: email,
      },
    );
    return until.length > 0 ? new Date(Math.max(...until.map((d) => d.getTime()))) : null;
  });
  return lock
    ? { ok: false, reason: 'locked', minutes: minutesLeft(lock, new Date()) }
    : { ok: false, reason: 'invalid' };
}
