import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { SuccessorBasis } from '@/lib/domain/lineage';
import { foldForSearch } from '@/lib/domain/search-text';
import { recordAudit, type AuditActor } from '../audit';
import { refreshProgressForUnits } from '../progress/summary';

/** Designated successors of split former units: the administrator's review and choice. */

const TX = { timeout: 600_000, maxWait: 60_000 };

export interface SplitUnit {
  id: number;
  code: string;
  fullName: string;
  districtName: string | null;
  provinceName: string;
  basis: SuccessorBasis | null;
  countsUnderId: number | null;
  successors: { id: number; code: string; fullName: string }[];
}

/**
 * Former units split between several successors, for the administrator who confirms where each
 * counts: those designated by nearest code (to confirm) first. Filtered by today's province.
 */
export async function listSplitUnits(filter: {
  provinceCode?: string;
  toConfirmOnly?: boolean;
  search?: string;
}): Promise<SplitUnit[]> {
  const folded = foldForSearch(filter.search ?? '');
  const rows = await db().$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT o.id FROM units o
      JOIN unit_lineage l ON l.old_unit_id = o.id
      JOIN units n ON n.id = l.new_unit_id
      JOIN provinces p ON p.id = n.province_id
     WHERE (${filter.provinceCode ?? null}::text IS NULL OR p.code = ${filter.provinceCode ?? null})
       AND (${folded} = '' OR o.search_key LIKE ${`%${folded}%`})
       AND (${filter.toConfirmOnly ?? false} = false OR o.successor_basis = 'NEAREST_CODE')
     GROUP BY o.id HAVING count(*) > 1
     ORDER BY min(o.code)
     LIMIT 500`);
  const units = await db().unit.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: {
      id: true,
      code: true,
      fullName: true,
      districtName: true,
      successorBasis: true,
      countsUnderId: true,
      province: { select: { name: true } },
      successors: {
        orderBy: { newUnit: { code: 'asc' } },
        select: { newUnit: { select: { id: true, code: true, fullName: true } } },
      },
    },
  });
  const order = (u: SplitUnit) => (u.basis === 'NEAREST_CODE' ? 0 : 1);
  return units
    .map((u) => ({
      id: u.id,
      code: u.code,
      fullName: u.fullName,
      districtName: u.districtName,
      provinceName: u.province.name,
      basis: u.successorBasis,
      countsUnderId: u.countsUnderId,
      successors: u.successors.map((s) => s.newUnit),
    }))
    .sort((a, b) => order(a) - order(b) || a.code.localeCompare(b.code));
}

/**
 * An administrator designates which successor a split former unit counts under; the figures of
 * every province concerned are rebuilt in the same transaction, with the audit event.
 */
export async function setDesignatedSuccessor(
  actor: AuditActor,
  formerId: number,
  successorId: number,
): Promise<'ok' | 'not_found'> {
  return db().$transaction(async (tx) => {
    const former = await tx.unit.findUnique({
      where: { id: formerId },
      select: {
        id: true,
        code: true,
        countsUnderId: true,
        successorBasis: true,
        province: { select: { code: true } },
        successors: { select: { newUnitId: true } },
      },
    });
    if (!former || !former.successors.some((s) => s.newUnitId === successorId)) return 'not_found';
    await tx.unit.update({
      where: { id: formerId },
      data: { countsUnderId: successorId, successorBasis: 'ADMIN' },
    });
    await recordAudit(tx, actor, {
      action: 'unit.designate_successor',
      entity: 'unit',
      entityId: former.id,
      provinceCode: former.province.code,
      before: { countsUnderId: former.countsUnderId, basis: former.successorBasis },
      after: { countsUnderId: successorId, basis: 'ADMIN' },
    });
    await refreshProgressForUnits(tx, [formerId]);
    return 'ok';
  }, TX);
}
