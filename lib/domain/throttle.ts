/**
 * Brute-force protection for every guessable secret (passwords, second-factor and recovery
 * codes), by one rule. An attempt is counted *before* the secret is checked, in one statement per
 * key (lib/data/accounts/throttle.ts), so a burst of concurrent requests gets exactly the limit of checks.
 * Reaching a key's limit within the window locks it; when a lock runs out the key starts a new
 * window, and its next lock lasts twice as long (up to the kind's cap). A key quiet for a day is
 * forgotten, escalation included. Success clears the keys that name the person who proved the
 * secret, and only releases its own count on the shared ones (account, address).
 *
 * The keys of a sign-in:
 * - `pair`: the account from one client address. A wrong password typed in one office locks that
 *   office only.
 * - `account`: the account from every address, for a browser that never signed in to it. Slows a
 *   spray at one account from many addresses; its locks are short (at most 15 minutes), and a
 *   browser where the account signed in before (its device cookie) is not held by them, so a
 *   stranger cannot lock the owner out.
 * - `device`: the account from one browser that signed in to it before (OWASP's device cookies).
 * - `address`: every account from one address (password spraying).
 * Signed in, a user's password checks (change, re-authentication) count on `password`, and codes
 * on `secondFactor`. Client addresses come from the socket or a trusted proxy only. The same
 * counters bound the audit events that refused calls from anyone may write (`refusals`).
 */
export const throttleWindowSeconds = 15 * 60;
export const throttleForgetSeconds = 24 * 3600;
export const throttleBaseLockSeconds = 60;

export const throttleKinds = [
  'pair',
  'account',
  'device',
  'address',
  'password',
  'secondFactor',
  'refusals',
  'emailProbe',
] as const;
export type ThrottleKind = (typeof throttleKinds)[number];

export interface ThrottleRule {
  /** Failures within the window that lock the key. */
  limit: number;
  /** The longest a lock of this kind lasts. */
  maxLockSeconds: number;
  /** A success clears the key (it names who proved the secret); otherwise it releases its count. */
  clearOnSuccess: boolean;
}

export const throttleRules: Record<ThrottleKind, ThrottleRule> = {
  pair: { limit: 5, maxLockSeconds: 3600, clearOnSuccess: true },
  account: { limit: 10, maxLockSeconds: 15 * 60, clearOnSuccess: false },
  device: { limit: 5, maxLockSeconds: 3600, clearOnSuccess: true },
  address: { limit: 50, maxLockSeconds: 3600, clearOnSuccess: false },
  password: { limit: 5, maxLockSeconds: 3600, clearOnSuccess: true },
  secondFactor: { limit: 5, maxLockSeconds: 3600, clearOnSuccess: true },
  /** Audit events of refused calls one address may leave (lib/data/audit.ts recordRefusal). */
  refusals: { limit: 20, maxLockSeconds: 3600, clearOnSuccess: false },
  /** A provincial manager's new accounts whose e-mail is taken outside their reach. */
  emailProbe: { limit: 5, maxLockSeconds: 24 * 3600, clearOnSuccess: false },
};

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

const normalEmail = (email: string) => email.trim().toLowerCase();

export const throttleKeys = {
  pair: (email: string, ip: string | null): ThrottleKey => ({
    kind: 'pair',
    key: `pair:${normalEmail(email)}|${ip ?? '-'}`,
  }),
  account: (email: string): ThrottleKey => ({
    kind: 'account',
    key: `account:${normalEmail(email)}`,
  }),
  device: (deviceId: string): ThrottleKey => ({ kind: 'device', key: `device:${deviceId}` }),
  address: (ip: string): ThrottleKey => ({ kind: 'address', key: `address:${ip}` }),
  password: (userId: number): ThrottleKey => ({ kind: 'password', key: `password:${userId}` }),
  secondFactor: (userId: number): ThrottleKey => ({
    kind: 'secondFactor',
    key: `second:${userId}`,
  }),
  refusals: (ip: string | null): ThrottleKey => ({
    kind: 'refusals',
    key: `refusals:${ip ?? '-'}`,
  }),
  emailProbe: (managerId: number): ThrottleKey => ({
    kind: 'emailProbe',
    key: `email-probe:${managerId}`,
  }),
};

/** The keys of a sign-in attempt: see the kinds above. */
export function signInKeys(email: string, ip: string | null, deviceId: string | null) {
  return [
    throttleKeys.pair(email, ip),
    deviceId ? throttleKeys.device(deviceId) : throttleKeys.account(email),
    ...(ip ? [throttleKeys.address(ip)] : []),
  ];
}

/** How long the next lock of a key lasts, after `locksBefore` earlier locks (within a day). */
export function lockSeconds(kind: ThrottleKind, locksBefore: number): number {
  const seconds = throttleBaseLockSeconds * 2 ** Math.min(Math.max(locksBefore, 0), 20);
  return Math.min(seconds, throttleRules[kind].maxLockSeconds);
}

/** Whole minutes left on a lock, at least 1. */
export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}
