import 'server-only';
import { db } from '@/lib/server/db';
import type { AssessmentStatus } from '@/lib/domain/workflow';
import type { NotificationKind, NotificationParams } from '@/lib/domain/notifications';
import { readNotificationParams } from '@/lib/validations/notifications';

/** A user's own inbox: its lines, what is unread, and how they want e-mail. */

export interface InboxLine {
  id: number;
  kind: NotificationKind;
  params: NotificationParams;
  createdAt: Date;
  readAt: Date | null;
  /**
   * The dossier as it stands now, and whether it moved on since the step the line reports (a
   * "waiting for your review" already reviewed): the line then no longer asks anything.
   */
  dossier: { status: AssessmentStatus; movedOn: boolean } | null;
}

/** The workflow step an inbox line reports (`step:<history id>`, `step:<id>:inform`), if any. */
function stepOf(key: string): number | null {
  const m = /^step:(\d+)(?::|$)/.exec(key);
  return m ? Number(m[1]) : null;
}

const PAGE = 50;

/** A user's own inbox, newest first (no one reads another's). */
export async function listNotifications(userId: number, page = 1) {
  const where = { userId };
  const [rows, total, unread] = await Promise.all([
    db().notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: {
        id: true,
        kind: true,
        key: true,
        params: true,
        createdAt: true,
        readAt: true,
        assessment: {
          select: {
            status: true,
            transitions: { orderBy: { id: 'desc' }, take: 1, select: { id: true } },
          },
        },
      },
    }),
    db().notification.count({ where }),
    db().notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    lines: rows.flatMap(({ key, assessment, params: json, ...r }): InboxLine[] => {
      const params = readNotificationParams(json);
      if (!params) return [];
      const step = stepOf(key);
      const latest = assessment?.transitions[0]?.id ?? null;
      return [
        {
          ...r,
          params,
          dossier: assessment
            ? {
                status: assessment.status,
                // A step reported and then passed, or a return's date told after it was answered.
                movedOn:
                  (step !== null && latest !== null && latest > step) ||
                  (r.kind === 'RETURN_DUE' && assessment.status !== 'RETURNED'),
              }
            : null,
        },
      ];
    }),
    total,
    unread,
    pages: Math.max(1, Math.ceil(total / PAGE)),
  };
}

export function countUnread(userId: number): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

/** Marks lines read: the given ones, or all; only ever the user's own. */
export async function markRead(userId: number, ids: number[] | 'all'): Promise<number> {
  const result = await db().notification.updateMany({
    where: { userId, readAt: null, ...(ids === 'all' ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return result.count;
}

export async function setEmailMode(userId: number, mode: 'OFF' | 'IMMEDIATE' | 'DAILY') {
  await db().user.update({ where: { id: userId }, data: { emailMode: mode } });
}

export async function getEmailMode(userId: number) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { emailMode: true } });
  return user?.emailMode ?? 'OFF';
}
