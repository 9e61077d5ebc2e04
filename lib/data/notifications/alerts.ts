import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { alertKeys, missedToTell, readStatus, verdictChange } from '@/lib/domain/alerts';
import { provinceVerdicts } from '@/lib/data/progress/dashboard';
import { notify } from './notifications';

/**
 * Alerts on provinces, run by the notification sweep: a province's verdict changing (on track,
 * needs acceleration…) and a milestone it missed. Each is told once, in the inbox and by e-mail as
 * each user asked (notify), on the figures the national dashboard shows by default.
 */

/** Who hears about a province: its staff, the Ministry, and leaders of the nation or of it. */
export function provinceAudience(provinceId: number): Prisma.UserWhereInput {
  return {
    OR: [
      { role: 'PROVINCE', provinceId },
      { role: 'MINISTRY' },
      { role: 'VIEWER', OR: [{ provinceId: null }, { provinceId }] },
    ],
  };
}

export async function announceProvinceAlerts(
  now = new Date(),
): Promise<{ changes: number; missed: number }> {
  const { year, lines } = await provinceVerdicts(now);
  const seen = new Map(
    (
      await db().provinceVerdict.findMany({
        where: { year },
        select: { provinceId: true, status: true },
      })
    ).map((r) => [r.provinceId, r.status]),
  );
  // The first verdict of a year is where changes are told from, not a change.
  const first = lines.filter((l) => !seen.has(l.provinceId));
  if (first.length > 0)
    await db().provinceVerdict.createMany({
      data: first.map((l) => ({
        provinceId: l.provinceId,
        year,
        status: l.progress.status,
        seenAt: now,
      })),
      skipDuplicates: true,
    });

  let changes = 0;
  for (const line of lines) {
    const stored = seen.get(line.provinceId);
    const status = line.progress.status;
    if (stored === undefined || stored === status) continue;
    const change = verdictChange(readStatus(stored), status);
    changes += await db().$transaction(async (tx) => {
      // Only the instance that moves the stored verdict tells of the change.
      const moved = await tx.provinceVerdict.updateMany({
        where: { provinceId: line.provinceId, year, status: stored },
        data: { status, seenAt: now },
      });
      if (moved.count === 0 || !change) return 0;
      return notify(tx, {
        kind: 'PROVINCE_STATUS',
        key: alertKeys.change(line.provinceId, year, `${stored}>${status}:${now.getTime()}`),
        where: provinceAudience(line.provinceId),
        params: {
          province: line.name,
          year,
          previous: change.previous,
          status: change.status,
          href: `/provinces/${line.code}?year=${year}`,
        },
      });
    });
  }

  const misses = lines.flatMap((line) =>
    missedToTell(line.milestoneResults, year).map((m) => ({
      line,
      milestone: m,
      key: alertKeys.missed(line.provinceId, m.year),
    })),
  );
  const told = new Set(
    (
      await db().notification.findMany({
        where: { key: { in: misses.map((m) => m.key) } },
        distinct: ['key'],
        select: { key: true },
      })
    ).map((n) => n.key),
  );
  let missed = 0;
  for (const { line, milestone, key } of misses) {
    if (told.has(key)) continue;
    missed += await db().$transaction((tx) =>
      notify(tx, {
        kind: 'MILESTONE_MISSED',
        key,
        where: provinceAudience(line.provinceId),
        params: {
          province: line.name,
          year: milestone.year,
          target: milestone.share,
          share: milestone.actual ?? 0,
          href: `/provinces/${line.code}?year=${milestone.year}`,
        },
      }),
    );
  }
  return { changes, missed };
}
