import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { dayOf, deadlineFor, type YearDeadlines } from '@/lib/domain/calendar';
import { foldForSearch } from '@/lib/domain/search-text';
import type { AssessmentStatus } from '@/lib/domain/workflow';
import { can, type Scope } from '@/lib/permissions';
import type { QueueQuery } from '@/lib/validations/queue';
import { getDeadlinesByYear } from '../calendar';
import { unitScopeWhere } from '../scope';
import { wordStartMatch } from '../wards';

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
    case 'ward':
      return [{ unit: { searchKey: dir } }, { year: 'desc' }];
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

/**
 * One page of the review queue with its filters: province, status, year, waiting time, overdue
 * against the programme calendar, and a search on the ward's name (with or without diacritics) or
 * code. Returns the page, the total and the calendar used to flag overdue items.
 */
export async function listReviewQueue(scope: Scope, query: QueueQuery = {}, now = new Date()) {
  const base = queueWhere(scope);
  if (!base) return { rows: [] as QueueItem[], total: 0, page: 1, pages: 1, deadlines: new Map() };
  const statuses = queueStatusesFor(scope);
  const today = dayOf(now);
  // The calendar of the queue's years (for the overdue flags), the count and the page are read
  // side by side: three round trips' wait instead of six in a row. GROUP BY in SQL (Prisma's
  // `distinct` reads every row and drops duplicates in memory).
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
  const where = { AND: and };
  const readPage = (page: number) =>
    db().assessment.findMany({
      where,
      orderBy: [...orderOf(query), { id: 'asc' }],
      skip: (page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
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
      },
    });
  const asked = query.page ?? 1;
  const [total, askedRows, deadlines] = await Promise.all([
    db().assessment.count({ where }),
    readPage(asked),
    deadlinesRead,
  ]);
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  // A page past the end (the queue shrank since the link was made) shows the last one.
  const page = Math.min(asked, pages);
  const rows = page === asked ? askedRows : await readPage(page);
  return {
    rows: rows.map((r): QueueItem => ({
      assessmentId: r.id,
      year: r.year,
      status: r.status as AssessmentStatus,
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
    })),
    total,
    page,
    pages,
    deadlines,
  };
}

export async function countReviewQueue(scope: Scope): Promise<number> {
  const where = queueWhere(scope);
  return where ? db().assessment.count({ where }) : 0;
}
