import 'server-only';
import { db } from '@/lib/db';
import { deadlineKinds, type DeadlineKind, type YearDeadlines } from '@/lib/domain/calendar';
import type { CalendarInput } from '@/lib/validations/calendar';
import { recordAudit, type AuditActor } from './audit';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The dates set for a year, as YYYY-MM-DD by kind. */
export async function getYearDeadlines(year: number): Promise<YearDeadlines> {
  const rows = await db().programmeDeadline.findMany({
    where: { year },
    select: { kind: true, dueOn: true },
  });
  return Object.fromEntries(rows.map((r) => [r.kind, iso(r.dueOn)]));
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
    select: { kind: true, dueOn: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
}

/** Sets (or clears, when empty) each of a year's dates, audited, in one transaction. */
export async function saveCalendar(actor: AuditActor, input: CalendarInput): Promise<void> {
  await db().$transaction(async (tx) => {
    const before = await tx.programmeDeadline.findMany({
      where: { year: input.year },
      select: { kind: true, dueOn: true },
    });
    for (const kind of deadlineKinds) {
      const due = input.dates[kind as DeadlineKind];
      if (due)
        await tx.programmeDeadline.upsert({
          where: { year_kind: { year: input.year, kind } },
          create: { year: input.year, kind, dueOn: due, updatedById: actor.userId },
          update: { dueOn: due, updatedById: actor.userId },
        });
      else await tx.programmeDeadline.deleteMany({ where: { year: input.year, kind } });
    }
    await recordAudit(tx, actor, {
      action: 'calendar.update',
      entity: 'calendar',
      entityId: input.year,
      before: Object.fromEntries(before.map((b) => [b.kind, iso(b.dueOn)])),
      after: Object.fromEntries(
        Object.entries(input.dates).map(([k, v]) => [k, v ? iso(v) : null]),
      ),
    });
  });
}
