import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { lockSecondsAfter, minutesLeft, throttlePolicy } from '@/lib/domain/sign-in-throttle';
import { recordAudit, type AuditActor } from './audit';

/** The latest lock still running on any of the keys, or null. */
export async function activeLock(keys: string[], now = new Date()): Promise<Date | null> {
  const locks = await db().loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  if (locks.length === 0) return null;
  return new Date(Math.max(...locks.map((l) => l.lockedUntil!.getTime())));
}

/**
 * Counts one failure on a key (one statement, so concurrent failures on several instances all
 * count) and returns the lock it set, if any. Also forgets keys quiet for a day.
 */
export async function recordFailure(
  tx: Prisma.TransactionClient,
  key: string,
  limit: number,
): Promise<Date | null> {
  const { windowSeconds, forgetAfterSeconds } = throttlePolicy;
  const rows = await tx.$queryRaw<{ failures: number }[]>`
    INSERT INTO login_throttles (key, failures, window_start, locked_until)
    VALUES (${key}, 1, now(), NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN COALESCE(login_throttles.locked_until, login_throttles.window_start)
                           < now() - make_interval(secs => ${windowSeconds})
                      THEN 1 ELSE login_throttles.failures + 1 END,
      window_start = CASE WHEN COALESCE(login_throttles.locked_until, login_throttles.window_start)
                               < now() - make_interval(secs => ${windowSeconds})
                          THEN now() ELSE login_throttles.window_start END
    RETURNING failures`;
  const failures = rows[0]?.failures ?? 1;
  const seconds = lockSecondsAfter(failures, limit);
  let until: Date | null = null;
  if (seconds > 0) {
    const locked = await tx.$queryRaw<{ locked_until: Date }[]>`
      UPDATE login_throttles SET locked_until = now() + make_interval(secs => ${seconds})
       WHERE key = ${key} RETURNING locked_until`;
    until = locked[0]?.locked_until ?? null;
  }
  await tx.$executeRaw`
    DELETE FROM login_throttles
     WHERE COALESCE(locked_until, window_start) < now() - make_interval(secs => ${forgetAfterSeconds})`;
  return until;
}

export async function clearFailures(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { key } });
}

export type LockedAnswer = { ok: false; error: 'locked'; minutes: number };

/** The answer for a user's key under a running lock (how many minutes are left), else null. */
export async function lockedAnswer(key: string): Promise<LockedAnswer | null> {
  const locked = await activeLock([key]);
  return locked ? { ok: false, error: 'locked', minutes: minutesLeft(locked, new Date()) } : null;
}

/**
 * A wrong password or code given by a signed-in user: the failure counted on their key and
 * audited in the caller's transaction; answers the lock it set, else `error`.
 */
export async function failedAttempt<E extends string>(
  tx: Prisma.TransactionClient,
  attempt: { actor: AuditActor; userId: number; key: string; limit: number; action: string },
  error: E,
): Promise<LockedAnswer | { ok: false; error: E }> {
  const until = await recordFailure(tx, attempt.key, attempt.limit);
  await recordAudit(tx, attempt.actor, {
    action: attempt.action,
    entity: 'user',
    entityId: attempt.userId,
  });
  return until
    ? { ok: false, error: 'locked', minutes: minutesLeft(until, new Date()) }
    : { ok: false, error };
}
