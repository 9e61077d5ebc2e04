import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { dayOf, deadlineFor, type YearDeadlines } from '@/lib/domain/calendar';
import { nameCollator } from '@/lib/domain/collation';
import { foldForSearch } from '@/lib/domain/search-text';
import { wardName } from '@/lib/domain/units';
import type { AssessmentStatus } from '@/lib/domain/workflow';
import { can, type Scope } from '@/lib/domain/permissions';
import type { QueueQuery } from '@/lib/validations/queue';
import { getDeadlinesByYear } from '../programme/calendar';
import { unitScopeWhere } from '../scope';
import { wordStartMatch } from '../units/wards';

export const QUEUE_PAGE_SIZE = 25;

export interface QueueItem {
  assessmentId: number;
  year: number;
  status: AssessmentStatus;
  statusChangedAt: Date;
  unitCode: string;
  unitName: string;
  unitValidTo: Date | null;
  provinceName: string;
  met: number;
  total: number;
  notMet: number;
  notDue: number;
  /** Criteria that are due and have no evidence (lib/domain/evidence-check.ts). */
  bare: number;
}

/** The statuses waiting on this user: the province reviews, the Ministry inspects. */
export function queueStatusesFor(scope: Scope): AssessmentStatus[] {
  const statuses: AssessmentStatus[] = [];
  if (can(scope, 'assessment.review')) statuses.push('SUBMITTED');
  if (can(scope, 'assessment.inspect')) statuses.push('PROPOSED', 'INSPECTING');
  return statuses;
}

function queueWhere(scope: Scope): Prisma.AssessmentWhereInput | null {
  const statuses = queueStatusesFor(scope);
  if (statuses.length === 0) return null;
  return { status: { in: statuses }, unit: unitScopeWhere(scope) };
}

/** Assessments whose deadline (by status, from the calendar) passed before today. */
function overdueWhere(
  deadlines: Map<number, YearDeadlines>,
  statuses: AssessmentStatus[],
  today: string,
): Prisma.AssessmentWhereInput {
  const or: Prisma.AssessmentWhereInput[] = [];
  for (const [year, dates] of deadlines) {
    const late = statuses.filter((s) => {
      const kind = deadlineFor(s);
      const due = kind ? dates[kind] : undefined;
      return due !== undefined && due < today;
    });
    if (late.length) or.push({ year, status: { in: late } });
  }
  return or.length ? { OR: or } : { id: -1 };
}

const DAY_MS = 86_400_000;

function orderOf(query: QueueQuery): Prisma.AssessmentOrderByWithRelationInput[] {
  const dir = query.dir ?? (query.sort === 'waiting' ? 'desc' : 'asc');
  switch (query.sort) {
    case 'province':
      return [{ unit: { province: { name: dir } } }, { statusChangedAt: 'asc' }];
    case 'year':
      return [{ year: dir }, { statusChangedAt: 'asc' }];
    case 'waiting':
      // Longest waiting first when descending: the oldest status change.
      return [{ statusChangedAt: dir === 'desc' ? 'asc' : 'desc' }];
    default:
      // This year's work first, then the longest waiting within it.
      return [{ year: 'desc' }, { statusChangedAt: 'asc' }];
  }
}

const itemSelect = {
  id: true,
  year: true,
  status: true,
  statusChangedAt: true,
  metCount: true,
  totalCriteria: true,
  notMetCount: true,
  notDueCount: true,
  bareCount: true,
  unit: {
    select: { code: true, name: true, validTo: true, province: { select: { name: true } } },
  },
} satisfies Prisma.AssessmentSelect;

function itemOf(r: Prisma.AssessmentGetPayload<{ select: typeof itemSelect }>): QueueItem {
  return {
    assessmentId: r.id,
    year: r.year,
    status: r.status,
    statusChangedAt: r.statusChangedAt,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    unitValidTo: r.unit.validTo,
    provinceName: r.unit.province.name,
    met: r.metCount,
    total: r.totalCriteria,
    notMet: r.notMetCount,
    notDue: r.notDueCount,
    bare: r.bareCount,
  };
}

/** The most rows a queue export holds (every ward of the country is 3,321). */
export const QUEUE_EXPORT_LIMIT = 10_000;

/**
 * The queue's rows in the asked order, `skip`/`take` at a time. By ward name the order is
 * Vietnamese ("Đ" after "D", tones after their letter, "Phường 2" before "Phường 10"), which the
 * database's byte order cannot give: the matching names are read (a queue holds at most the
 * country's wards), sorted here, and the page's rows read by id.
 */
async function readRows(
  where: Prisma.AssessmentWhereInput,
  query: QueueQuery,
  skip: number,
  take: number,
) {
  if (query.sort !== 'ward') {
    const rows = await db().assessment.findMany({
      where,
      orderBy: [...orderOf(query), { id: 'asc' }],
      skip,
      take,
      select: itemSelect,
    });
    return rows.map(itemOf);
  }
  const names = await db().assessment.findMany({
    where,
    select: { id: true, year: true, unit: { select: { name: true } } },
  });
  const sign = query.dir === 'desc' ? -1 : 1;
  names.sort(
    (a, b) =>
      sign * nameCollator.compare(wardName(a.unit.name), wardName(b.unit.name)) ||
      b.year - a.year ||
      a.id - b.id,
  );
  const ids = names.slice(skip, skip + take).map((n) => n.id);
  const rows = await db().assessment.findMany({ where: { id: { in: ids } }, select: itemSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [itemOf(byId.get(id)!)] : []));
}

/** The queue's filters as a query: province, status, year, waiting time, overdue, search. */
async function queueFilter(scope: Scope, query: QueueQuery, now: Date) {
  const base = queueWhere(scope);
  if (!base) return null;
  const statuses = queueStatusesFor(scope);
  const today = dayOf(now);
  // The calendar of the queue's years (for the overdue flags) is read beside the rest. GROUP BY
  // in SQL (Prisma's `distinct` reads every row and drops duplicates in memory).
  const deadlinesRead = db()
    .assessment.groupBy({ where: base, by: ['year'] })
    .then((years) => getDeadlinesByYear(years.map((y) => y.year)));
  const and: Prisma.AssessmentWhereInput[] = [base];
  if (query.province) and.push({ unit: { province: { code: query.province } } });
  if (query.status) and.push({ status: query.status });
  if (query.year) and.push({ year: query.year });
  if (query.waiting)
    and.push({
      statusChangedAt: { lte: new Date(now.getTime() - Number(query.waiting) * DAY_MS) },
    });
  if (query.overdue) and.push(overdueWhere(await deadlinesRead, statuses, today));
  if (query.q) {
    and.push({ unit: { OR: wordStartMatch(foldForSearch(query.q)) } });
  }
  return { where: { AND: and } satisfies Prisma.AssessmentWhereInput, deadlinesRead };
}

/**
 * One page of the review queue with its filters: province, status, year, waiting time, overdue
 * against the programme calendar, and a search on the ward's name (with or without diacritics) or
 * code. Returns the page, the total and the calendar used to flag overdue items.
 */
export async function listReviewQueue(scope: Scope, query: QueueQuery = {}, now = new Date()) {
  const filter = await queueFilter(scope, query, now);
  if (!filter)
    return { rows: [] as QueueItem[], total: 0, page: 1, pages: 1, deadlines: new Map() };
  const { where, deadlinesRead } = filter;
  const readPage = (page: number) =>
    readRows(where, query, (page - 1) * QUEUE_PAGE_SIZE, QUEUE_PAGE_SIZE);
  const asked = query.page ?? 1;
  // The count, the page and the calendar are read side by side.
  const [total, askedRows, deadlines] = await Promise.all([
    db().assessment.count({ where }),
    readPage(asked),
    deadlinesRead,
  ]);
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  // A page past the end (the queue shrank since the link was made) shows the last one.
  const page = Math.min(asked, pages);
  const rows = page === asked ? askedRows : await readPage(page);
  return { rows, total, page, pages, deadlines };
}

/** Every row of the queue as filtered and ordered (for its export), up to QUEUE_EXPORT_LIMIT. */
export async function listReviewQueueAll(scope: Scope, query: QueueQuery = {}, now = new Date()) {
  const filter = await queueFilter(scope, query, now);
  if (!filter) return { rows: [] as QueueItem[], deadlines: new Map<number, YearDeadlines>() };
  const [rows, deadlines] = await Promise.all([
    readRows(filter.where, query, 0, QUEUE_EXPORT_LIMIT),
    filter.deadlinesRead,
  ]);
  return { rows, deadlines };
}

export async function countReviewQueue(scope: Scope): Promise<number> {
  const where = queueWhere(scope);
  return where ? db().assessment.count({ where }) : 0;
}
