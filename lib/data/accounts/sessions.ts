import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { randomBytesOf, sha256Hex } from '@/lib/server/crypto';
import { lastAuthentication, needsTouch, sessionExpiry, sessionState } from '@/lib/domain/sessions';
import { readEnv } from '@/lib/server/env';
import { recordAudit, type AuditActor } from '../audit';
import { account, accountSelect, type SessionUser } from './session-user';

type Tx = Prisma.TransactionClient;

export type SessionEndReason =
  | 'sign_out'
  | 'signed_out_elsewhere'
  | 'password_changed'
  | 'password_reset'
  | 'deactivated'
  | 'role_changed'
  | 'second_factor_reset';

export async function createSession(
  tx: Tx,
  input: {
    userId: number;
    ip: string | null;
    userAgent: string | null;
    secondFactor: boolean;
    /** Opened by single sign-on: the provider's ID token and whether it vouched a second factor. */
    provider?: { idToken: string; secondFactor: boolean };
  },
): Promise<string> {
  const id = Buffer.from(randomBytesOf(32)).toString('base64url');
  const now = new Date();
  await tx.userSession.create({
    data: {
      id,
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiry(now, readEnv().SESSION_MAX_HOURS),
      secondFactorAt: input.secondFactor ? now : null,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      idpIdToken: input.provider?.idToken ?? null,
      idpSecondFactor: input.provider?.secondFactor ?? false,
    },
  });
  return id;
}

export interface LiveSession {
  id: string;
  user: SessionUser;
  secondFactorDone: boolean;
  /** The last time the user proved who they are in this session (sign-in or re-authentication). */
  authenticatedAt: Date;
  /** Opened by single sign-on: the provider's ID token (to end its session too), and whether it
   * vouched for a second factor. */
  provider: { idToken: string; secondFactor: boolean } | null;
}

/**
 * The session named by a cookie, when it is still good (not ended, idle or past its absolute
 * end) and its user is active; it slides the idle clock forward at most once a minute.
 */
export async function readLiveSession(id: string, userId: number): Promise<LiveSession | null> {
  // The session and its user in one query: every request asks.
  const row = await db().userSession.findUnique({
    where: { id },
    include: { user: { select: accountSelect } },
  });
  if (!row || row.userId !== userId) return null;
  const now = new Date();
  if (sessionState(row, now, readEnv().SESSION_IDLE_HOURS) !== 'active') return null;
  const user = account(row.user);
  if (!user.isActive) return null;
  if (needsTouch(row.lastSeenAt, now))
    await db().userSession.updateMany({
      where: { id, endedAt: null },
      data: { lastSeenAt: now },
    });
  return {
    id,
    user,
    secondFactorDone: row.secondFactorAt !== null,
    authenticatedAt: lastAuthentication(row),
    provider: row.idpIdToken
      ? { idToken: row.idpIdToken, secondFactor: row.idpSecondFactor }
      : null,
  };
}

export async function endSession(tx: Tx, id: string, reason: SessionEndReason): Promise<void> {
  await tx.userSession.updateMany({
    where: { id, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
}

/** Ends every open session of a user (but `keep`, the caller's own, when given). */
export async function endUserSessions(
  tx: Tx,
  userId: number,
  reason: SessionEndReason,
  keep?: string,
): Promise<number> {
  const result = await tx.userSession.updateMany({
    where: { userId, endedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { endedAt: new Date(), endReason: reason },
  });
  return result.count;
}

export async function markSecondFactor(tx: Tx, id: string): Promise<void> {
  await tx.userSession.updateMany({
    where: { id, endedAt: null },
    data: { secondFactorAt: new Date() },
  });
}

/** Sign-out: the session ends on the server, with its audit event (none for a dead session). */
export async function signOutSession(actor: AuditActor | null, id: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await endSession(tx, id, 'sign_out');
    if (actor)
      await recordAudit(tx, actor, {
        action: 'auth.sign_out',
        entity: 'user',
        entityId: actor.userId ?? '',
      });
  });
}

/** A user re-authenticated in this session (lib/domain/sessions.ts REAUTH_MINUTES). */
export async function markReauthenticated(tx: Tx, id: string): Promise<void> {
  await tx.userSession.updateMany({
    where: { id, endedAt: null },
    data: { reauthenticatedAt: new Date() },
  });
}

/** A session as its owner sees it; `handle` names it in forms without giving its id away. */
export interface OwnSession {
  handle: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
  isCurrent: boolean;
}

const handleOf = (id: string) => sha256Hex(`session:${id}`).slice(0, 24);

/** The user's sessions still good, newest activity first. */
export async function listOwnSessions(userId: number, currentId: string): Promise<OwnSession[]> {
  const now = new Date();
  const rows = await db().userSession.findMany({
    where: { userId, endedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: 'desc' },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      endedAt: true,
      ip: true,
      userAgent: true,
    },
  });
  return rows
    .filter((r) => sessionState(r, now, readEnv().SESSION_IDLE_HOURS) === 'active')
    .map((r) => ({
      handle: handleOf(r.id),
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      ip: r.ip,
      userAgent: r.userAgent,
      isCurrent: r.id === currentId,
    }));
}

/**
 * The user signs out one of their other sessions (`handle`) or every other one (`'others'`),
 * audited; the session in use stays. Answers how many ended.
 */
export async function endOwnSessions(
  actor: AuditActor,
  userId: number,
  currentId: string,
  which: string | 'others',
): Promise<number> {
  return db().$transaction(async (tx) => {
    const open = await tx.userSession.findMany({
      where: { userId, endedAt: null, id: { not: currentId } },
      select: { id: true },
    });
    const ids = open.map((s) => s.id).filter((id) => which === 'others' || handleOf(id) === which);
    if (ids.length === 0) return 0;
    const ended = await tx.userSession.updateMany({
      where: { id: { in: ids }, endedAt: null },
      data: { endedAt: new Date(), endReason: 'signed_out_elsewhere' },
    });
    await recordAudit(tx, actor, {
      action: which === 'others' ? 'auth.sign_out_everywhere' : 'auth.session_ended',
      entity: 'user',
      entityId: userId,
      after: { sessions: ended.count },
    });
    return ended.count;
  });
}

/** What the account's security page lists: sign-ins, failures, password and second-factor changes. */
export const securityActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.locked',
  'auth.second_factor_failed',
  'auth.sign_out_everywhere',
  'auth.session_ended',
  'auth.reauthenticated',
  'auth.reauth_failed',
  'user.change_password',
  'user.change_password_failed',
  'user.reset_password',
  'user.password_set_by_handover',
  'user.two_factor_enabled',
  'user.two_factor_reset',
  'user.recovery_codes_renewed',
] as const;
export type SecurityAction = (typeof securityActions)[number];

/**
 * The latest security events of an account, its own and those others did to it (a manager's
 * reset, a handover link used): so a ward sees who reset its password and where it was used.
 */
export async function listSecurityEvents(user: { id: number; email: string }, take = 30) {
  const rows = await db().auditEvent.findMany({
    where: {
      action: { in: [...securityActions] },
      entity: 'user',
      entityId: { in: [String(user.id), user.email] },
    },
    orderBy: { id: 'desc' },
    take,
    select: { id: true, at: true, action: true, actorId: true, actorEmail: true, ip: true },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at,
    action: r.action as SecurityAction,
    ip: r.ip,
    /** Someone else's doing (a manager): their e-mail. */
    by: r.actorId !== null && r.actorId !== user.id ? r.actorEmail : null,
  }));
}
