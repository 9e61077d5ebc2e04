import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { randomBytesOf } from '@/lib/crypto';
import { needsTouch, sessionExpiry, sessionState } from '@/lib/domain/sessions';
import { readEnv } from '@/lib/env';
import { recordAudit, type AuditActor } from './audit';
import { account, accountSelect, type SessionUser } from './users';

type Tx = Prisma.TransactionClient;

export type SessionEndReason =
  | 'sign_out'
  | 'password_changed'
  | 'password_reset'
  | 'deactivated'
  | 'role_changed'
  | 'second_factor_reset';

export async function createSession(
  tx: Tx,
  input: { userId: number; ip: string | null; userAgent: string | null; secondFactor: boolean },
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
    },
  });
  return id;
}

export interface LiveSession {
  id: string;
  user: SessionUser;
  secondFactorDone: boolean;
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
  return { id, user, secondFactorDone: row.secondFactorAt !== null };
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
