import 'server-only';
import { db } from '@/lib/db';
import { verifyAgainstDecoy, verifyPassword } from '@/lib/crypto';
import { accountKey, addressKey, minutesLeft, throttlePolicy } from '@/lib/domain/sign-in-throttle';
import { recordAudit } from './audit';

export type SignInOutcome =
  | { ok: true; user: { id: number; email: string; name: string; passwordChangedAt: Date } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

/**
 * Checks a sign-in. Unknown account, wrong password and inactive account give the same answer,
 * take the same time, and count towards the same locks, so nothing tells whether an account exists.
 */
export async function attemptSignIn(
  emailInput: string,
  password: string,
  ip: string | null,
): Promise<SignInOutcome> {
  const email = emailInput.trim().toLowerCase();
  const keys = [accountKey(email), ...(ip ? [addressKey(ip)] : [])];
  const now = new Date();
  const locks = await db().loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  if (locks.length > 0) {
    const until = new Date(Math.max(...locks.map((l) => l.lockedUntil!.getTime())));
    return { ok: false, reason: 'locked', minutes: minutesLeft(until, now) };
  }

  const user = await db().user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      isActive: true,
      passwordChangedAt: true,
      provinceId: true,
    },
  });
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDecoy(password);

  if (user && passwordOk && user.isActive) {
    await db().$transaction(async (tx) => {
      await tx.loginThrottle.deleteMany({ where: { key: accountKey(email) } });
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      await recordAudit(
        tx,
        { userId: user.id, email, ip },
        { action: 'auth.sign_in', entity: 'user', entityId: user.id },
      );
    });
    return {
      ok: true,
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        passwordChangedAt: user.passwordChangedAt,
      },
    };
  }

  const lockedNow = await db().$transaction(async (tx) => {
    let locked = false;
    for (const key of keys) {
      const limit = key.startsWith('account:')
        ? throttlePolicy.accountLimit
        : throttlePolicy.addressLimit;
      // One statement, so concurrent failures on several instances all count.
      const rows = await tx.$queryRaw<{ locked_until: Date | null }[]>`
        INSERT INTO login_throttles (key, failures, window_start, locked_until)
        VALUES (${key}, 1, now(), CASE WHEN 1 >= ${limit} THEN now() + make_interval(secs => ${throttlePolicy.lockSeconds}) END)
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN login_throttles.window_start < now() - make_interval(secs => ${throttlePolicy.windowSeconds})
                          THEN 1 ELSE login_throttles.failures + 1 END,
          window_start = CASE WHEN login_throttles.window_start < now() - make_interval(secs => ${throttlePolicy.windowSeconds})
                              THEN now() ELSE login_throttles.window_start END,
          locked_until = CASE WHEN (CASE WHEN login_throttles.window_start < now() - make_interval(secs => ${throttlePolicy.windowSeconds})
                                         THEN 1 ELSE login_throttles.failures + 1 END) >= ${limit}
                              THEN now() + make_interval(secs => ${throttlePolicy.lockSeconds})
                              ELSE login_throttles.locked_until END
        RETURNING locked_until`;
      if (rows[0]?.locked_until && rows[0].locked_until > now) locked = true;
    }
    await recordAudit(
      tx,
      { userId: null, email, ip },
      {
        action: locked ? 'auth.locked' : 'auth.sign_in_failed',
        entity: 'user',
        entityId: email,
      },
    );
    return locked;
  });
  return lockedNow
    ? { ok: false, reason: 'locked', minutes: Math.ceil(throttlePolicy.lockSeconds / 60) }
    : { ok: false, reason: 'invalid' };
}
