/**
 * When a server-side session is still good. Every request checks its row (lib/data/accounts/sessions.ts):
 * a session ends on sign-out, password change or reset, deactivation or a change of role or
 * scope, after `idleHours` without a request, and `maxHours` after sign-in whatever the activity.
 */
export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
}

export type SessionState = 'active' | 'ended' | 'idle' | 'expired';

export function sessionState(s: SessionTimes, now: Date, idleHours: number): SessionState {
  if (s.endedAt) return 'ended';
  if (s.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (now.getTime() - s.lastSeenAt.getTime() >= idleHours * 3_600_000) return 'idle';
  return 'active';
}

/** The absolute end of a session started at `createdAt`. */
export function sessionExpiry(createdAt: Date, maxHours: number): Date {
  return new Date(createdAt.getTime() + maxHours * 3_600_000);
}

/** Activity is written at most this often, so reads do not turn into a write each. */
export const TOUCH_AFTER_MS = 60_000;

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_AFTER_MS;
}

/** Roles whose accounts must sign in with a second factor. */
export const SECOND_FACTOR_ROLES = ['ADMIN', 'MINISTRY'] as const;

export function secondFactorRequired(role: string): boolean {
  return (SECOND_FACTOR_ROLES as readonly string[]).includes(role);
}

/** Sensitive actions need the user to have proved who they are within this many minutes. */
export const REAUTH_MINUTES = 10;

/** When the user last proved who they are in a session: at sign-in, or when asked again. */
export function lastAuthentication(s: {
  createdAt: Date;
  secondFactorAt: Date | null;
  reauthenticatedAt: Date | null;
}): Date {
  const times = [s.secondFactorAt ?? s.createdAt, s.reauthenticatedAt].filter(
    (d): d is Date => d !== null,
  );
  return new Date(Math.max(...times.map((d) => d.getTime())));
}

export function isRecentlyAuthenticated(authenticatedAt: Date, now: Date): boolean {
  return now.getTime() - authenticatedAt.getTime() < REAUTH_MINUTES * 60_000;
}
