/**
 * Brute-force protection: failures are counted per account and per client address within a
 * window; reaching the limit locks that key for a cooling-off period. Counters live in the
 * database (lib/data/sign-in.ts) so every instance sees the same ones.
 */
export const throttlePolicy = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  accountLimit: 5,
  addressLimit: 20,
} as const;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;

/** Whole minutes left on a lock, at least 1. */
export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}
