import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { hashPassword, randomBytesOf, sha256Hex } from '@/lib/server/crypto';
import { recordAudit, type AuditActor } from '../audit';
import { endUserSessions } from './sessions';

/**
 * Handing an account to its holder (a new account, or one whose password a manager reset) without
 * anyone else ever knowing its password: the manager gets a one-time link, valid for three days,
 * to pass on; whoever opens it sets the password, and the account's security page then shows who
 * issued the link and when and from where it was used. Only the SHA-256 of the link's 256-bit
 * token is stored. The account's own password no longer works from the moment the link is made.
 */
export const HANDOVER_HOURS = 72;

/** A password nobody knows: the account can be entered only through its handover link. */
export async function unusablePasswordHash(): Promise<string> {
  return hashPassword(Buffer.from(randomBytesOf(32)).toString('base64url'));
}

/** A new link for `userId` (earlier unused ones stop working); answers its token, shown once. */
export async function issueHandover(
  tx: Prisma.TransactionClient,
  userId: number,
  createdById: number | null,
): Promise<string> {
  const token = Buffer.from(randomBytesOf(32)).toString('base64url');
  const now = new Date();
  await tx.passwordHandover.updateMany({
    where: { userId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  await tx.passwordHandover.create({
    data: {
      userId,
      createdById,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(now.getTime() + HANDOVER_HOURS * 3_600_000),
    },
  });
  return token;
}

const liveHandover = (token: string): Prisma.PasswordHandoverWhereInput => ({
  tokenHash: sha256Hex(token),
  usedAt: null,
  expiresAt: { gt: new Date() },
  user: { isActive: true },
});

/** Whose account a link opens, while it is good. */
export async function getHandover(token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return db().passwordHandover.findFirst({
    where: liveHandover(token),
    select: { expiresAt: true, user: { select: { email: true, name: true } } },
  });
}

/**
 * The link's holder sets the account's password: once, audited, every session of the account
 * ended. Answers the account's email, or null when the link is not (or no longer) good.
 */
export async function redeemHandover(
  token: string,
  passwordHash: string,
  ip: string | null,
): Promise<{ email: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return db().$transaction(async (tx) => {
    const handover = await tx.passwordHandover.findFirst({
      where: liveHandover(token),
      select: { id: true, user: { select: { id: true, email: true } } },
    });
    if (!handover) return null;
    // Only one request can use the link.
    const used = await tx.passwordHandover.updateMany({
      where: { id: handover.id, usedAt: null },
      data: { usedAt: new Date(), usedIp: ip },
    });
    if (used.count !== 1) return null;
    await tx.user.update({
      where: { id: handover.user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    await endUserSessions(tx, handover.user.id, 'password_changed');
    const actor: AuditActor = { userId: handover.user.id, email: handover.user.email, ip };
    await recordAudit(tx, actor, {
      action: 'user.password_set_by_handover',
      entity: 'user',
      entityId: handover.user.id,
      after: { handover: handover.id },
    });
    return { email: handover.user.email };
  });
}
