import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/server/db';
import { recordAudit, type AuditActor } from '@/lib/data/audit';
import { getCurrentProvince } from '@/lib/data/units/provinces';
import { reachOf, type Scope } from '@/lib/domain/permissions';
import {
  dueIssue,
  MAX_SUBSCRIPTIONS,
  nextIssueAt,
  type PackCadence,
  type PackFormat,
} from '@/lib/domain/subscriptions';
import { messageIdOf } from './notifications';

/**
 * Subscriptions to briefing packs: a user asks for the pack of the nation or of a province in
 * their scope, as a file format, on a cadence (lib/domain/subscriptions.ts). The sweep writes each
 * due issue to the e-mail outbox once; the sender builds the file (lib/data/notifications/packs.ts).
 */

export interface SubscriptionLine {
  id: number;
  province: { code: string; name: string } | null;
  format: PackFormat;
  cadence: PackCadence;
  createdAt: Date;
  nextAt: Date | null;
}

/**
 * Years with a target for each scope: the nation's for a national pack, the nation's and the
 * province's own for a province's. One read of the (small) targets table for every subscription.
 */
async function milestoneYears(): Promise<(provinceId: number | null) => number[]> {
  const targets = await db().target.findMany({ select: { provinceId: true, year: true } });
  return (provinceId) => [
    ...new Set(
      targets
        .filter((t) => t.provinceId === null || t.provinceId === provinceId)
        .map((t) => t.year),
    ),
  ];
}

/** The user's live subscriptions, with when each sends next. */
export async function listSubscriptions(
  userId: number,
  now = new Date(),
): Promise<SubscriptionLine[]> {
  const rows = await db().packSubscription.findMany({
    where: { userId, cancelledAt: null },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      format: true,
      cadence: true,
      createdAt: true,
      provinceId: true,
      province: { select: { code: true, name: true } },
    },
  });
  const years = await milestoneYears();
  return rows.map((r) => ({
    id: r.id,
    province: r.province,
    format: r.format,
    cadence: r.cadence,
    createdAt: r.createdAt,
    nextAt: nextIssueAt(r.cadence, now, years(r.provinceId)),
  }));
}

export type SubscribeOutcome =
  { ok: true; id: number } | { ok: false; reason: 'not_found' | 'duplicate' | 'limit' };

/**
 * Subscribes the user to a pack: the nation only for those who see the nation, a province only
 * within their scope (else "not found"). Audited with the subscription.
 */
export async function createSubscription(
  actor: AuditActor,
  user: Scope & { id: number },
  input: { province?: string; format: PackFormat; cadence: PackCadence },
): Promise<SubscribeOutcome> {
  const province = input.province ? await getCurrentProvince(user, input.province) : null;
  if (input.province ? !province : reachOf(user) !== 'all')
    return { ok: false, reason: 'not_found' };
  return db().$transaction(async (tx) => {
    const live = await tx.packSubscription.findMany({
      where: { userId: user.id, cancelledAt: null },
      select: { provinceId: true, format: true, cadence: true },
    });
    const provinceId = province?.id ?? null;
    if (
      live.some(
        (s) =>
          s.provinceId === provinceId && s.format === input.format && s.cadence === input.cadence,
      )
    )
      return { ok: false, reason: 'duplicate' };
    if (live.length >= MAX_SUBSCRIPTIONS) return { ok: false, reason: 'limit' };
    const created = await tx.packSubscription.create({
      data: {
        userId: user.id,
        provinceId,
        format: input.format,
        cadence: input.cadence,
        token: randomBytes(32).toString('base64url'),
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'subscription.create',
      entity: 'subscription',
      entityId: created.id,
      provinceCode: province?.code ?? null,
      after: { province: province?.code ?? null, format: input.format, cadence: input.cadence },
    });
    return { ok: true as const, id: created.id };
  });
}

/**
 * Ends a subscription, the user's own by id (another's is not found) or anyone's by the secret
 * of its unsubscribe link. Audited; ending one already ended changes nothing.
 */
export async function cancelSubscription(
  actor: AuditActor,
  which: { id: number; userId: number } | { token: string },
  now = new Date(),
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const found = await tx.packSubscription.findFirst({
      where: { ...which, cancelledAt: null },
      select: { id: true, format: true, cadence: true, province: { select: { code: true } } },
    });
    if (!found) return false;
    await tx.packSubscription.update({ where: { id: found.id }, data: { cancelledAt: now } });
    await recordAudit(tx, actor, {
      action: 'subscription.cancel',
      entity: 'subscription',
      entityId: found.id,
      provinceCode: found.province?.code ?? null,
      before: {
        format: found.format,
        cadence: found.cadence,
        via: 'token' in which ? 'link' : 'app',
      },
    });
    return true;
  });
}

/** What an unsubscribe link names, for its page: null when there is no such link. */
export async function subscriptionByToken(token: string) {
  return db().packSubscription.findUnique({
    where: { token },
    select: {
      format: true,
      cadence: true,
      cancelledAt: true,
      province: { select: { name: true } },
      user: { select: { id: true, email: true } },
    },
  });
}

/**
 * Writes each subscription's due issue to the outbox, once: the issue is recorded on the
 * subscription by a conditional update, and only the sweep (of any instance) whose update moved
 * it writes the row, under a Message-ID that names the subscription and the issue. A crash
 * between the two rolls both back; the next sweep writes it.
 */
export async function issueScheduledPacks(now = new Date()): Promise<number> {
  const live = await db().packSubscription.findMany({
    where: { cancelledAt: null, user: { isActive: true } },
    select: {
      id: true,
      userId: true,
      provinceId: true,
      cadence: true,
      createdAt: true,
      lastIssue: true,
      user: { select: { email: true } },
    },
  });
  const years = await milestoneYears();
  let written = 0;
  for (const sub of live) {
    const issue = dueIssue(sub, now, years(sub.provinceId));
    if (!issue) continue;
    written += await db().$transaction(async (tx) => {
      const moved = await tx.packSubscription.updateMany({
        where: {
          id: sub.id,
          cancelledAt: null,
          OR: [{ lastIssue: null }, { lastIssue: { not: issue.key } }],
        },
        data: { lastIssue: issue.key },
      });
      if (moved.count === 0) return 0;
      const row = await tx.emailOutbox.createMany({
        data: {
          messageId: messageIdOf(sub.userId, `pack:${sub.id}:${issue.key}`),
          userId: sub.userId,
          recipient: sub.user.email,
          content: { type: 'pack', subscription: sub.id, issue: issue.key, year: issue.year },
        },
        skipDuplicates: true,
      });
      return row.count;
    });
  }
  return written;
}
