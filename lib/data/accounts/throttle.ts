import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import {
  lockSeconds,
  minutesLeft,
  throttleBaseLockSeconds,
  throttleForgetSeconds,
  throttleRules,
  throttleWindowSeconds,
  type ThrottleKey,
} from '@/lib/domain/throttle';
import { recordAudit, type AuditActor } from '../audit';

/** An attempt counted on its keys, to be settled as failed or succeeded once the secret is checked. */
export interface Attempt {
  keys: ThrottleKey[];
}

export type Claim = { ok: true; attempt: Attempt } | { ok: false; minutes: number };

class Refused extends Error {
  constructor(readonly minutes: number) {
    super('throttled');
  }
}

/**
 * Counts an attempt on every key before its secret is checked (lib/domain/throttle.ts): refused,
 * with nothing counted, when a key is locked or already holds its limit of attempts (some still
 * being checked). Each key is one upsert, taken in key order (as every throttle transaction
 * takes its rows), so concurrent attempts on any number of instances are counted exactly and
 * never deadlock.
 */
export async function claimAttempt(keys: ThrottleKey[]): Promise<Claim> {
  const ordered = [...keys].sort((a, b) => a.key.localeCompare(b.key));
  try {
    await db().$transaction(async (tx) => {
      for (const k of ordered) {
        const rows = await tx.$queryRaw<
          { failures: number; locked_until: Date | null; locks: number }[]
        >`
          INSERT INTO login_throttles AS t (key, failures, window_start, locked_until, locks)
          VALUES (${k.key}, 1, now(), NULL, 0)
          ON CONFLICT (key) DO UPDATE SET
            failures = CASE
              WHEN t.locked_until > now() THEN t.failures
              WHEN t.locked_until IS NOT NULL
                OR t.window_start < now() - make_interval(secs => ${throttleWindowSeconds}) THEN 1
              ELSE t.failures + 1 END,
            window_start = CASE
              WHEN t.locked_until > now() THEN t.window_start
              WHEN t.locked_until IS NOT NULL
                OR t.window_start < now() - make_interval(secs => ${throttleWindowSeconds}) THEN now()
              ELSE t.window_start END,
            locked_until = CASE WHEN t.locked_until > now() THEN t.locked_until END,
            locks = CASE
              WHEN GREATEST(t.window_start, COALESCE(t.locked_until, t.window_start))
                   < now() - make_interval(secs => ${throttleForgetSeconds}) THEN 0
              ELSE t.locks END
          RETURNING failures, locked_until, locks`;
        const row = rows[0];
        if (!row) continue;
        const now = new Date();
        if (row.locked_until && row.locked_until > now)
          throw new Refused(minutesLeft(row.locked_until, now));
        if (row.failures > throttleRules[k.kind].limit)
          throw new Refused(Math.ceil(lockSeconds(k.kind, row.locks) / 60));
      }
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, minutes: error.minutes };
    throw error;
  }
  return { ok: true, attempt: { keys: ordered } };
}

/** Minutes left on a key's running lock, or null: a look that counts nothing. */
export async function lockOn(key: ThrottleKey): Promise<number | null> {
  const row = await db().loginThrottle.findUnique({
    where: { key: key.key },
    select: { lockedUntil: true },
  });
  const now = new Date();
  return row?.lockedUntil && row.lockedUntil > now ? minutesLeft(row.lockedUntil, now) : null;
}

/** Counts a failure on keys outside any secret check (a refused probe), locking at the limit. */
export async function countFailure(
  keys: ThrottleKey[],
  audit: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<void> {
  const claim = await claimAttempt(keys);
  if (!claim.ok) return;
  await db().$transaction(async (tx) => {
    await attemptFailed(tx, claim.attempt);
    await audit(tx);
  });
}

/**
 * The attempt's secret was wrong: a key whose count reached its limit is locked (once, whatever
 * the concurrent failures), each lock twice as long as the one before it. Answers the latest lock
 * now running on the attempt's keys, or null. Also forgets keys quiet for a day.
 */
export async function attemptFailed(
  tx: Prisma.TransactionClient,
  attempt: Attempt,
): Promise<Date | null> {
  let latest: Date | null = null;
  for (const k of attempt.keys) {
    const { limit, maxLockSeconds } = throttleRules[k.kind];
    const rows = await tx.$queryRaw<{ locked_until: Date }[]>`
      UPDATE login_throttles SET
        locked_until = CASE
          WHEN failures >= ${limit} AND (locked_until IS NULL OR locked_until <= now())
          THEN now() + make_interval(secs => LEAST(${throttleBaseLockSeconds} * power(2, LEAST(locks, 20)), ${maxLockSeconds}))
          ELSE locked_until END,
        locks = CASE
          WHEN failures >= ${limit} AND (locked_until IS NULL OR locked_until <= now())
          THEN locks + 1 ELSE locks END
       WHERE key = ${k.key}
       RETURNING locked_until`;
    const until = rows[0]?.locked_until;
    if (until && until > new Date() && (!latest || until > latest)) latest = until;
  }
  // Rows another attempt holds are left for a later sweep: waiting on them could deadlock.
  await tx.$executeRaw`
    DELETE FROM login_throttles WHERE key IN (
      SELECT key FROM login_throttles
       WHERE GREATEST(window_start, COALESCE(locked_until, window_start))
             < now() - make_interval(secs => ${throttleForgetSeconds})
       FOR UPDATE SKIP LOCKED)`;
  return latest;
}

/**
 * The attempt's secret was right: keys naming the person are cleared, shared ones release its
 * count. One key at a time in the attempt's (key) order, the order every throttle transaction
 * takes its rows in, so a success never deadlocks with attempts claiming the same shared keys.
 */
export async function attemptSucceeded(
  tx: Prisma.TransactionClient,
  attempt: Attempt,
): Promise<void> {
  for (const k of attempt.keys) {
    if (throttleRules[k.kind].clearOnSuccess)
      await tx.$executeRaw`DELETE FROM login_throttles WHERE key = ${k.key}`;
    else
      await tx.$executeRaw`
        UPDATE login_throttles SET failures = GREATEST(failures - 1, 0) WHERE key = ${k.key}`;
  }
}

export type LockedAnswer = { ok: false; error: 'locked'; minutes: number };

/**
 * A signed-in user's secret (their password, a code) checked under the throttle of `key`: the
 * attempt is counted first; a wrong secret is audited in the same transaction as its count and
 * answers the lock it set, else `error`. `check` runs only when the attempt was admitted;
 * `onSuccess` runs in the transaction that clears the key.
 */
export async function throttledCheck<E extends string, T>(options: {
  key: ThrottleKey;
  actor: AuditActor;
  userId: number;
  failureAction: string;
  error: E;
  check: () => Promise<boolean>;
  onSuccess: (tx: Prisma.TransactionClient) => Promise<T>;
}): Promise<LockedAnswer | { ok: false; error: E } | { ok: true; value: T }> {
  const claim = await claimAttempt([options.key]);
  if (!claim.ok) return { ok: false, error: 'locked', minutes: claim.minutes };
  if (!(await options.check())) {
    const until = await db().$transaction(async (tx) => {
      const lock = await attemptFailed(tx, claim.attempt);
      await recordAudit(tx, options.actor, {
        action: options.failureAction,
        entity: 'user',
        entityId: options.userId,
      });
      return lock;
    });
    return until
      ? { ok: false, error: 'locked', minutes: minutesLeft(until, new Date()) }
      : { ok: false, error: options.error };
  }
  const value = await db().$transaction(async (tx) => {
    await attemptSucceeded(tx, claim.attempt);
    return options.onSuccess(tx);
  });
  return { ok: true, value };
}
