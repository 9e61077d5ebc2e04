import 'server-only';
import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import {
  DUE_SOON_DAYS,
  dayOf,
  daysUntil,
  deadlineFor,
  type DeadlineKind,
} from '@/lib/domain/calendar';
import { statuses, type Audience, type NotifiedKind } from '@/lib/domain/workflow';
import { unitPath, wardName } from '@/lib/domain/units';
import type { NotificationKind, NotificationParams } from '@/lib/domain/notifications';
import { readNotificationParams, type OutboxContent } from '@/lib/validations/notifications';
import { mailConfigured } from '@/lib/mail/config';
import type { RecordScope } from '@/lib/domain/permissions';
import { recordScopeOf } from '../scope';

type Tx = Prisma.TransactionClient;
/** Active users a step concerns, within the record's scope, never the one who took it. */
export function audienceWhere(audience: Audience, record: RecordScope): Prisma.UserWhereInput {
  const province: Prisma.UserWhereInput = { role: 'PROVINCE', provinceId: record.provinceId };
  switch (audience) {
    case 'province':
      return province;
    case 'ministry':
      return { role: 'MINISTRY' };
    case 'wardAndProvince':
      return { OR: [province, { role: 'WARD', unitId: record.unitId ?? -1 }] };
  }
}

/** A stable Message-ID per (user, event): a resend after a crash is recognisably the same mail. */
export function messageIdOf(userId: number, key: string): string {
  const digest = createHash('sha256').update(`${userId}:${key}`).digest('hex').slice(0, 32);
  return `<${digest}@kieumau.notifications>`;
}

/**
 * Puts one event in the inbox of everyone it concerns, inside the caller's transaction; those who
 * asked for immediate e-mail get it through the outbox, in the same transaction. `key` names the
 * event: written twice (a retry, two instances), it still reaches each user once.
 */
export async function notify(
  tx: Tx,
  event: {
    kind: NotificationKind;
    key: string;
    where: Prisma.UserWhereInput;
    exceptUserId?: number | null;
    assessmentId?: number;
    params: NotificationParams;
  },
): Promise<number> {
  const users = await tx.user.findMany({
    where: {
      AND: [event.where, { isActive: true }],
      ...(event.exceptUserId ? { NOT: { id: event.exceptUserId } } : {}),
    },
    select: { id: true, email: true, emailMode: true },
  });
  if (users.length === 0) return 0;
  const created = await tx.notification.createManyAndReturn({
    data: users.map((u) => ({
      userId: u.id,
      kind: event.kind,
      key: event.key,
      assessmentId: event.assessmentId ?? null,
      params: event.params,
    })),
    skipDuplicates: true,
    select: { userId: true },
  });
  if (mailConfigured()) {
    const fresh = new Set(created.map((c) => c.userId));
    // The mail's data only: it is worded when sent, in the recipient's language then (outbox.ts).
    const content = {
      type: 'notification',
      line: { kind: event.kind, params: event.params },
    } satisfies OutboxContent;
    const outbox = users
      .filter((u) => u.emailMode === 'IMMEDIATE' && fresh.has(u.id))
      .map((u) => ({
        messageId: messageIdOf(u.id, event.key),
        userId: u.id,
        recipient: u.email,
        content,
      }));
    if (outbox.length) await tx.emailOutbox.createMany({ data: outbox, skipDuplicates: true });
  }
  return created.length;
}

/** One workflow step, told to its audience (called by moveAssessment, in its transaction). */
export async function notifyStep(
  tx: Tx,
  step: {
    kind: NotifiedKind;
    audience: Audience;
    /** The event's key: one per step and audience (`step:<history id>`). */
    key: string;
    assessmentId: number;
    record: RecordScope;
    actorId: number | null;
    params: NotificationParams;
  },
) {
  return notify(tx, {
    kind: step.kind,
    key: step.key,
    where: audienceWhere(step.audience, step.record),
    exceptUserId: step.actorId,
    assessmentId: step.assessmentId,
    params: step.params,
  });
}

/**
 * Who each date concerns: those who still have to act by it. Registration concerns every
 * province; the other dates only those with a dossier of the year still waiting on them (the
 * Ministry's inspectors when any dossier awaits inspection). Null: nobody.
 */
async function deadlineAudience(
  kind: DeadlineKind,
  year: number,
): Promise<Prisma.UserWhereInput | null> {
  if (kind === 'REGISTRATION') return { role: 'PROVINCE' };
  // The dossiers still waiting on this date: the statuses whose deadline it is.
  const open = { year, status: { in: statuses.filter((st) => deadlineFor(st) === kind) } };
  const waiting = { assessments: { some: open } };
  if (kind === 'INSPECTION')
    return (await db().assessment.count({ where: open })) > 0 ? { role: 'MINISTRY' } : null;
  const province: Prisma.UserWhereInput = {
    role: 'PROVINCE',
    province: { units: { some: waiting } },
  };
  return kind === 'SUBMISSION' ? { OR: [province, { role: 'WARD', unit: waiting }] } : province;
}

/**
 * The periodic sweep: announces each date coming within a week (once per date), and queues the
 * daily digest of unread lines for those who chose it. Safe to run on several instances at once.
 */
export async function runNotificationSweep(now = new Date()): Promise<{
  deadlines: number;
  returns: number;
  digests: number;
}> {
  const today = dayOf(now);
  const soon = await db().programmeDeadline.findMany({
    where: {
      dueOn: {
        gte: new Date(`${today}T00:00:00Z`),
        lte: new Date(Date.parse(`${today}T00:00:00Z`) + DUE_SOON_DAYS * 86_400_000),
      },
    },
    select: { year: true, kind: true, dueOn: true },
  });
  let deadlines = 0;
  for (const d of soon) {
    const due = d.dueOn.toISOString().slice(0, 10);
    const where = await deadlineAudience(d.kind, d.year);
    if (!where) continue;
    deadlines += await db().$transaction((tx) =>
      notify(tx, {
        kind: 'DEADLINE',
        key: `deadline:${d.year}:${d.kind}:${due}`,
        where,
        params: {
          year: d.year,
          deadline: d.kind,
          due,
          count: daysUntil(due, today),
          href: `/calendar?year=${d.year}`,
        },
      }),
    );
  }
  return { deadlines, returns: await announceReturnsDue(today), digests: await queueDigests(now) };
}

/**
 * A returned dossier whose own date ("sửa trước …") comes within a week: told once per date to
 * its ward and province, leading to the summary of what was returned.
 */
async function announceReturnsDue(today: string): Promise<number> {
  const start = Date.parse(`${today}T00:00:00Z`);
  const returned = await db().assessment.findMany({
    where: {
      status: 'RETURNED',
      fixBy: { gte: new Date(start), lte: new Date(start + DUE_SOON_DAYS * 86_400_000) },
    },
    select: {
      id: true,
      year: true,
      fixBy: true,
      unit: { select: { id: true, code: true, name: true, validTo: true, provinceId: true } },
    },
  });
  let told = 0;
  for (const a of returned) {
    // The query above keeps only dossiers with a date.
    const due = a.fixBy!.toISOString().slice(0, 10);
    told += await db().$transaction((tx) =>
      notify(tx, {
        kind: 'RETURN_DUE',
        key: `return-due:${a.id}:${due}`,
        where: audienceWhere('wardAndProvince', recordScopeOf(a.unit)),
        assessmentId: a.id,
        params: {
          ward: wardName(a.unit.name),
          year: a.year,
          due,
          count: daysUntil(due, today),
          href: `${unitPath(a.unit, a.year)}#returns-summary`,
        },
      }),
    );
  }
  return told;
}

/** Daily digests: one mail per user per day, listing what arrived since the last one. */
async function queueDigests(now: Date): Promise<number> {
  if (!mailConfigured()) return 0;
  const today = dayOf(now);
  const todayDate = new Date(`${today}T00:00:00Z`);
  const users = await db().user.findMany({
    where: {
      emailMode: 'DAILY',
      isActive: true,
      OR: [{ digestSentOn: null }, { digestSentOn: { lt: todayDate } }],
      notifications: { some: { readAt: null } },
    },
    select: { id: true, email: true, digestSentOn: true },
  });
  let queued = 0;
  for (const user of users) {
    queued += await db().$transaction(async (tx) => {
      // Claim the day first: a second instance running the same sweep finds it taken.
      const claimed = await tx.user.updateMany({
        where: {
          id: user.id,
          OR: [{ digestSentOn: null }, { digestSentOn: { lt: todayDate } }],
        },
        data: { digestSentOn: todayDate },
      });
      if (claimed.count === 0) return 0;
      const lines = await tx.notification.findMany({
        where: {
          userId: user.id,
          readAt: null,
          ...(user.digestSentOn ? { createdAt: { gte: user.digestSentOn } } : {}),
        },
        orderBy: { createdAt: 'asc' },
        take: 100,
        select: { kind: true, params: true },
      });
      const readable = lines.flatMap((l) => {
        const params = readNotificationParams(l.params);
        return params ? [{ kind: l.kind, params }] : [];
      });
      if (readable.length === 0) return 0;
      await tx.emailOutbox.create({
        data: {
          messageId: messageIdOf(user.id, `digest:${today}`),
          userId: user.id,
          recipient: user.email,
          content: { type: 'digest', lines: readable } satisfies OutboxContent,
        },
      });
      return 1;
    });
  }
  return queued;
}
