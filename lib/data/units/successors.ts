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

/** How many split units the administrator's review shows at once. */
export const SPLIT_UNITS_PAGE_SIZE = 50;

/**
 * One page of the former units split between several successors, for the administrator who
 * confirms where each counts: those designated by nearest code (to confirm) first, then by code.
 * Filtered by today's province; answers the page (a page past the end shows the last one), the
 * number of pages and how many units match in all.
 */
export async function listSplitUnits(filter: {
  provinceCode?: string;
  toConfirmOnly?: boolean;
  search?: string;
  page?: number;
}): Promise<{ rows: SplitUnit[]; total: number; page: number; pages: number }> {
  const folded = foldForSearch(filter.search ?? '');
  const readPage = (page: number) =>
    db().$queryRaw<{ id: number; total: bigint }[]>(Prisma.sql`
      SELECT o.id, count(*) OVER () AS total FROM units o
        JOIN unit_lineage l ON l.old_unit_id = o.id
        JOIN units n ON n.id = l.new_unit_id
        JOIN provinces p ON p.id = n.province_id
       WHERE (${filter.provinceCode ?? null}::text IS NULL OR p.code = ${filter.provinceCode ?? null})
         AND (${folded} = '' OR o.search_key LIKE ${`%${folded}%`})
         AND (${filter.toConfirmOnly ?? false} = false OR o.successor_basis = 'NEAREST_CODE')
       GROUP BY o.id HAVING count(*) > 1
       ORDER BY (o.successor_basis IS DISTINCT FROM 'NEAREST_CODE'), o.code
       LIMIT ${SPLIT_UNITS_PAGE_SIZE} OFFSET ${(page - 1) * SPLIT_UNITS_PAGE_SIZE}`);
  let page = filter.page ?? 1;
  let ids = await readPage(page);
  if (ids.length === 0 && page > 1) {
    // Past the end (the list shrank since the link was made): the last page, from the count.
    const first = await readPage(1);
    page = Math.max(1, Math.ceil(Number(first[0]?.total ?? 0) / SPLIT_UNITS_PAGE_SIZE));
    ids = page === 1 ? first : await readPage(page);
  }
  const total = Number(ids[0]?.total ?? 0);
  const units = await db().unit.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
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
  const byId = new Map(units.map((u) => [u.id, u]));
  const rows = ids.flatMap(({ id }) => {
    const u = byId.get(id);
    return u
      ? [
          {
            id: u.id,
            code: u.code,
            fullName: u.fullName,
            districtName: u.districtName,
            provinceName: u.province.name,
            basis: u.successorBasis,
            countsUnderId: u.countsUnderId,
            successors: u.successors.map((s) => s.newUnit),
          },
        ]
      : [];
  });
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / SPLIT_UNITS_PAGE_SIZE)) };
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
