import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { FIRST_YEAR, LAST_YEAR } from '@/lib/domain/progress';
import { typeOnSql } from './unit-sql';

/**
 * Keeps province_year_progress and criterion_year_progress in step with the data they count.
 * Every write that can change a count (a result, a transition, a registration, an import, a
 * designation) calls refreshProgressForUnits in its own transaction, so dashboards read a few
 * hundred summary rows however large the database grows, and a recognition shows on the next load.
 *
 * What counts (the one definition):
 *   - wards: as recorded, the phường in force at the end of the year (by their type then: 1,726
 *     at the end of 2024, 687 at the end of 2025, 697 from 2026); under today's units, today's
 *     units that were phường at the end of the year, or when they came into force if later;
 *   - registered: a non-cancelled assessment for the year, of a ward counted that year;
 *   - attained: that assessment meets every criterion (is_attained, set by lib/domain/attainment);
 *   - recognised: a decision of that year or earlier, not withdrawn by the year's end, for a ward
 *     counted that year — a stock, since a recognised ward keeps its title;
 *   - provisional: recognised, or attained that year;
 *   - today's units: a former unit counts under its designated successor only (counts_under_id,
 *     chosen by the rule in lib/domain/lineage.ts); each of today's wards counts once however
 *     many predecessors it has. A former ward whose designated successor is not a phường that
 *     year (e.g. it became part of a đặc khu) does not count under today's units.
 * Figures are computed per today's province: its current units and every former unit whose
 * designated successors lead into them.
 */

type Tx = Prisma.TransactionClient;

// Serialises refreshes of one province across instances (PGlite has one connection anyway).
const LOCK_NAMESPACE = 726_451_203;

/** Today's provinces whose figures depend on these units (through every lineage link). */
async function todayProvincesOf(tx: Tx, unitIds: number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ province_id: number }[]>(Prisma.sql`
    WITH RECURSIVE forward AS (
      SELECT u.id AS unit_id, u.id AS at_id, 0 AS depth FROM units u WHERE u.id IN (${Prisma.join(unitIds)})
      UNION ALL
      SELECT f.unit_id, l.new_unit_id, f.depth + 1 FROM forward f JOIN unit_lineage l ON l.old_unit_id = f.at_id WHERE f.depth < 8
    )
    SELECT DISTINCT t.province_id FROM forward f JOIN units t ON t.id = f.at_id WHERE t.valid_to IS NULL`);
  return rows.map((r) => r.province_id);
}

/** The province's units: today's, and every former unit counted under them, phường at some time. */
export const unitsOfProvince = (provinceId: number) => Prisma.sql`
  WITH RECURSIVE tree AS (
    SELECT u.id AS unit_id, u.id AS today_id, 0 AS depth FROM units u WHERE u.province_id = ${provinceId}::int AND u.valid_to IS NULL
    UNION ALL
    SELECT o.id, t.today_id, t.depth + 1 FROM tree t JOIN units o ON o.counts_under_id = t.unit_id WHERE t.depth < 8
  ),
  keyed AS (
    SELECT u.id, u.type, u.valid_from, u.valid_to, u.province_id AS recorded_province, t.today_id
      FROM tree t JOIN units u ON u.id = t.unit_id
     WHERE u.type = 'PHUONG'
        OR EXISTS (SELECT 1 FROM unit_type_changes c WHERE c.unit_id = u.id AND 'PHUONG' IN (c.from_type, c.to_type))
  )`;

async function refreshProvince(tx: Tx, provinceId: number, years?: number[]): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, ${provinceId}::int)`;
  await tx.$executeRaw`DELETE FROM province_year_progress WHERE today_province_id = ${provinceId}::int`;
  await tx.$executeRaw(Prisma.sql`
    ${unitsOfProvince(provinceId)},
    years AS (SELECT generate_series(${FIRST_YEAR}::int, ${LAST_YEAR}::int) AS year),
    k AS (
      SELECT m.lineage, keyed.*,
             CASE WHEN m.lineage THEN keyed.today_id ELSE keyed.id END AS ward_key,
             CASE WHEN m.lineage THEN ${provinceId}::int ELSE keyed.recorded_province END AS group_province
        FROM keyed CROSS JOIN (VALUES (true), (false)) AS m(lineage)
    ),
    -- The wards of each year, by their type at its end (or, for today's units created later, on
    -- the day they came into force).
    k_years AS (
      SELECT y.year, k.* FROM k JOIN years y
        ON CASE WHEN k.lineage THEN k.id = k.today_id
                ELSE (k.valid_from IS NULL OR k.valid_from <= make_date(y.year, 12, 31))
                 AND (k.valid_to IS NULL OR k.valid_to >= make_date(y.year, 12, 31)) END
       WHERE ${typeOnSql('k', Prisma.sql`greatest(make_date(y.year, 12, 31), coalesce(k.valid_from, make_date(y.year, 12, 31)))`)} = 'PHUONG'
    ),
    wards AS (
      SELECT lineage, year, group_province, count(DISTINCT ward_key)::int AS wards FROM k_years GROUP BY 1, 2, 3
    ),
    facts AS (
      SELECT k.lineage, a.year, k.group_province, k.ward_key, bool_or(a.is_attained) AS attained
        FROM k JOIN assessments a ON a.unit_id = k.id
        JOIN k_years w ON w.lineage = k.lineage AND w.year = a.year AND w.ward_key = k.ward_key
       WHERE a.status <> 'CANCELLED' AND a.year BETWEEN ${FIRST_YEAR}::int AND ${LAST_YEAR}::int
       GROUP BY 1, 2, 3, 4
    ),
    rec AS (
      SELECT DISTINCT ky.lineage, ky.year, ky.group_province, ky.ward_key
        FROM k_years ky
        JOIN k src ON src.lineage = ky.lineage AND src.ward_key = ky.ward_key
        JOIN assessments a ON a.unit_id = src.id
        JOIN recognition_decisions d ON d.assessment_id = a.id
       WHERE d.year <= ky.year AND (d.withdrawn_at IS NULL OR d.withdrawn_at > make_date(ky.year, 12, 31))
         AND (ky.lineage OR src.id = ky.id)
    ),
    prov AS (
      SELECT lineage, year, group_province, ward_key FROM rec
      UNION SELECT lineage, year, group_province, ward_key FROM facts WHERE attained
    )
    INSERT INTO province_year_progress (lineage, year, province_id, today_province_id, wards, registered, attained, recognised, provisional)
    SELECT w.lineage, w.year, w.group_province, ${provinceId}::int, w.wards,
           coalesce(f.registered, 0), coalesce(f.attained, 0), coalesce(r.recognised, 0), coalesce(p.provisional, 0)
      FROM wards w
      LEFT JOIN (SELECT lineage, year, group_province, count(*)::int AS registered, count(*) FILTER (WHERE attained)::int AS attained
                   FROM facts GROUP BY 1, 2, 3) f USING (lineage, year, group_province)
      LEFT JOIN (SELECT lineage, year, group_province, count(*)::int AS recognised FROM rec GROUP BY 1, 2, 3) r USING (lineage, year, group_province)
      LEFT JOIN (SELECT lineage, year, group_province, count(*)::int AS provisional FROM prov GROUP BY 1, 2, 3) p USING (lineage, year, group_province)`);

  // Criterion counts change only in the years written to: recount just those when known.
  const yearFilter = years ? Prisma.sql`AND year = ANY(${years}::int[])` : Prisma.empty;
  await tx.$executeRaw`DELETE FROM criterion_year_progress WHERE today_province_id = ${provinceId}::int ${yearFilter}`;
  await tx.$executeRaw(Prisma.sql`
    ${unitsOfProvince(provinceId)}
    INSERT INTO criterion_year_progress (year, today_province_id, criterion_id, met, assessed)
    SELECT a.year, ${provinceId}::int, r.criterion_id, count(*) FILTER (WHERE r.state = 'MET')::int, count(*)::int
      FROM keyed JOIN assessments a ON a.unit_id = keyed.id
      JOIN criterion_results r ON r.assessment_id = a.id
     WHERE a.status <> 'CANCELLED' ${years ? Prisma.sql`AND a.year = ANY(${years}::int[])` : Prisma.empty}
     GROUP BY a.year, r.criterion_id`);
}

/**
 * Refreshes the figures of every province these units count towards (call inside the write's
 * transaction); `years` limits the criterion counts to the years written to.
 */
export async function refreshProgressForUnits(
  tx: Tx,
  unitIds: number[],
  years?: number[],
): Promise<void> {
  for (const provinceId of (await todayProvincesOf(tx, unitIds)).sort((a, b) => a - b))
    await refreshProvince(tx, provinceId, years);
}

/** Rebuilds every province's figures (inside the caller's transaction): after imports and the seed. */
export async function rebuildAllProgress(tx: Tx): Promise<void> {
  const provinces = await tx.province.findMany({
    where: { validTo: null },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  const ids = provinces.map((p) => p.id);
  await tx.$executeRaw`DELETE FROM province_year_progress WHERE NOT (today_province_id = ANY(${ids}::int[]))`;
  await tx.$executeRaw`DELETE FROM criterion_year_progress WHERE NOT (today_province_id = ANY(${ids}::int[]))`;
  for (const id of ids) await refreshProvince(tx, id);
}
