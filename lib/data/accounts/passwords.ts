import 'server-only';
import { db } from '@/lib/server/db';
import { hashPassword, verifyPassword } from '@/lib/server/crypto';
import { throttleKeys } from '@/lib/domain/throttle';
import type { Scope } from '@/lib/domain/permissions';
import { recordAudit, type AuditActor } from '../audit';
import { issueHandover, unusablePasswordHash } from './handovers';
import { endUserSessions } from './sessions';
import { throttledCheck } from './throttle';
import { auditedFields } from './session-user';
import { manageableWhere, type UserWriteResult } from './users';

/** Passwords: an administrator's reset, a user's own change, the first administrator. */

/**
 * A manager resets an account: its password stops working, its sessions end, and a one-time
 * handover link (lib/data/accounts/handovers.ts) lets its holder set a new one. Nobody else learns it.
 */
export async function resetUserPassword(
  actor: AuditActor,
  manager: Scope,
  id: number,
): Promise<UserWriteResult> {
  const passwordHash = await unusablePasswordHash();
  return db().$transaction(async (tx) => {
    const target = await tx.user.findFirst({
      where: { AND: [{ id }, manageableWhere(manager)] },
      select: { id: true, province: { select: { code: true } } },
    });
    if (!target) return { ok: false, error: 'not_found' } as const;
    await tx.user.update({
      where: { id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    await endUserSessions(tx, id, 'password_reset');
    const handoverToken = await issueHandover(tx, id, actor.userId);
    await recordAudit(tx, actor, {
      action: 'user.reset_password',
      entity: 'user',
      entityId: id,
      provinceCode: target.province?.code,
    });
    return { ok: true, id, handoverToken } as const;
  });
}

export type ChangePasswordResult =
  | { ok: true; sessionsEnded: number }
  | { ok: false; error: 'wrong_password' | 'same_password' }
  | { ok: false; error: 'locked'; minutes: number };

/**
 * A user changes their own password: wrong current passwords are throttled and audited like
 * sign-ins; success ends every other session of the user (the one in use stays), audited.
 */
export async function changeOwnPassword(
  actor: AuditActor,
  userId: number,
  sessionId: string,
  current: string,
  next: string,
): Promise<ChangePasswordResult> {
  if (current === next) return { ok: false, error: 'same_password' };
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  const passwordHash = await hashPassword(next);
  const outcome = await throttledCheck({
    key: throttleKeys.password(userId),
    actor,
    userId,
    failureAction: 'user.change_password_failed',
    error: 'wrong_password' as const,
    check: () => verifyPassword(user.passwordHash, current),
    onSuccess: async (tx) => {
      await tx.user.update({
        where: { id: userId },
        data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
      });
      const ended = await endUserSessions(tx, userId, 'password_changed', sessionId);
      await recordAudit(tx, actor, {
        action: 'user.change_password',
        entity: 'user',
        entityId: userId,
        after: { otherSessionsEnded: ended },
      });
      return ended;
    },
  });
  return outcome.ok ? { ok: true, sessionsEnded: outcome.value } : outcome;
}

/** For `npm run admin:create`: creates or re-enables an administrator. */
export async function upsertAdministrator(
  actor: AuditActor,
  email: string,
  name: string,
  password: string,
): Promise<'created' | 'updated'> {
  const normalized = email.trim().toLowerCase();
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: normalized },
      select: auditedFields,
    });
    const data = {
      name,
      role: 'ADMIN' as const,
      provinceId: null,
      unitId: null,
      isActive: true,
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: new Date(),
    };
    const after = existing
      ? await tx.user.update({ where: { email: normalized }, data, select: auditedFields })
      : await tx.user.create({ data: { email: normalized, ...data }, select: auditedFields });
    if (existing) await endUserSessions(tx, existing.id, 'password_reset');
    await recordAudit(tx, actor, {
      action: existing ? 'user.update' : 'user.create',
      entity: 'user',
      entityId: after.id,
      before: existing ?? undefined,
      after,
    });
    return existing ? 'updated' : 'created';
  });
}
