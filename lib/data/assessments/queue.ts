import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import type { AssessmentStatus } from '@/lib/domain/workflow';
import { can, type Scope } from '@/lib/permissions';
import { unitScopeWhere } from '../scope';

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
}

function queueWhere(scope: Scope): Prisma.AssessmentWhereInput | null {
  const statuses: AssessmentStatus[] = [];
  if (can(scope, 'assessment.review')) statuses.push('SUBMITTED');
  if (can(scope, 'assessment.inspect')) statuses.push('PROPOSED', 'INSPECTING');
  if (statuses.length === 0) return null;
  return { status: { in: statuses }, unit: unitScopeWhere(scope) };
}

export async function listReviewQueue(scope: Scope): Promise<QueueItem[]> {
  const where = queueWhere(scope);
  if (!where) return [];
  const rows = await db().assessment.findMany({
    where,
    orderBy: { statusChangedAt: 'asc' },
    take: 1000,
    select: {
      id: true,
      year: true,
      status: true,
      statusChangedAt: true,
      metCount: true,
      totalCriteria: true,
      notMetCount: true,
      notDueCount: true,
      unit: {
        select: { code: true, name: true, validTo: true, province: { select: { name: true } } },
      },
    },
  });
  return rows.map((r) => ({
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
  }));
}

export async function countReviewQueue(scope: Scope): Promise<number> {
  const where = queueWhere(scope);
  return where ? db().assessment.count({ where }) : 0;
}
