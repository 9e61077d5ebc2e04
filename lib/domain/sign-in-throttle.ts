/**
 * Brute-force protection that slows attackers without letting them lock anyone else out.
 * Failures are counted per account *and client address* (a wrong password from one office
 * locks that pair only, never the account everywhere) and per address across accounts (password
 * spraying). Reaching a limit locks the key; each further failure after a lock doubles the
 * next lock, up to an hour; 15 quiet minutes after the last lock start over. Password changes and
 * second-factor codes are counted per account the same way. Counters live in the database
 * (lib/data/throttle.ts) so every instance sees the same ones; rows quiet for a day are removed,
 * and client addresses come from the socket or a trusted proxy only, so storage stays bounded.
 */
export const throttlePolicy = {
  windowSeconds: 15 * 60,
  baseLockSeconds: 60,
  maxLockSeconds: 60 * 60,
  pairLimit: 5,
  addressLimit: 50,
  passwordLimit: 5,
  secondFactorLimit: 5,
  forgetAfterSeconds: 24 * 3600,
} as const;

export const pairKey = (email: string, ip: string | null) =>
  `pair:${email.trim().toLowerCase()}|${ip ?? '-'}`;
export const addressKey = (ip: string) => `address:${ip}`;
export const passwordKey = (userId: number) => `password:${userId}`;
export const secondFactorKey = (userId: number) => `second:${userId}`;

/** The lock after the `failures`-th failure of a key whose limit is `limit` (0 = no lock). */
export function lockSecondsAfter(failures: number, limit: number): number {
  if (failures < limit) return 0;
  const seconds = throttlePolicy.baseLockSeconds * 2 ** Math.min(failures - limit, 20);
  return Math.min(seconds, throttlePolicy.maxLockSeconds);
}

/** Whole minutes left on a lock, at least 1. */
export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}
