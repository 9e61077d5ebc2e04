import 'server-only';
import { db } from '@/lib/server/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  isClosable,
  deadlineKinds,
  type YearCalendar,
  type YearDeadlines,
} from '@/lib/domain/calendar';
import type { CalendarInput } from '@/lib/validations/calendar';
import { recordAudit, type AuditActor } from '../audit';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The dates set for a year, as YYYY-MM-DD by kind, and those the Ministry closed. */
export async function getYearCalendar(
  year: number,
  client: Prisma.TransactionClient = db(),
): Promise<YearCalendar> {
  const rows = await client.programmeDeadline.findMany({
    where: { year },
    select: { kind: true, dueOn: true, closes: true },
  });
  return {
    dates: Object.fromEntries(rows.map((r) => [r.kind, iso(r.dueOn)])),
    closed: rows.filter((r) => r.closes).map((r) => r.kind),
  };
}

/** Several years at once (the review queue spans years). */
export async function getDeadlinesByYear(years: number[]): Promise<Map<number, YearDeadlines>> {
  const rows = await db().programmeDeadline.findMany({
    where: { year: { in: years } },
    select: { year: true, kind: true, dueOn: true },
  });
  const out = new Map<number, YearDeadlines>();
  for (const r of rows) out.set(r.year, { ...out.get(r.year), [r.kind]: iso(r.dueOn) });
  return out;
}

export async function listCalendar(year: number) {
  return db().programmeDeadline.findMany({
    where: { year },
    select: {
      kind: true,
      dueOn: true,
      closes: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  });
}

/** Sets (or clears, when empty) each of a year's dates, audited, in one transaction. */
export async function saveCalendar(actor: AuditActor, input: CalendarInput): Promise<void> {
  await db().$transaction(async (tx) => {
    const before = await tx.programmeDeadline.findMany({
      where: { year: input.year },
      select: { kind: true, dueOn: true, closes: true },
    });
    for (const kind of deadlineKinds) {
      const due = input.dates[kind];
      // Only the dates that limit a step can be closed.
      const closes = isClosable(kind) && input.closes.includes(kind);
      if (due)
        await tx.programmeDeadline.upsert({
          where: { year_kind: { year: input.year, kind } },
          create: { year: input.year, kind, dueOn: due, closes, updatedById: actor.userId },
          update: { dueOn: due, closes, updatedById: actor.userId },
        });
      else await tx.programmeDeadline.deleteMany({ where: { year: input.year, kind } });
    }
    await recordAudit(tx, actor, {
      action: 'calendar.update',
      entity: 'calendar',
      entityId: input.year,
      before: {
        ...Object.fromEntries(before.map((b) => [b.kind, iso(b.dueOn)])),
        closes: before.filter((b) => b.closes).map((b) => b.kind),
      },
      after: {
        ...Object.fromEntries(Object.entries(input.dates).map(([k, v]) => [k, v ? iso(v) : null])),
        closes: input.closes.filter((k) => input.dates[k]),
      },
    });
  });
}
