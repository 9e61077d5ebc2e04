import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { FIRST_YEAR, LAST_YEAR } from '@/lib/domain/progress';
import { typeOnSql } from '../units/unit-sql';

/**
 * Keeps province_year_progress and criterion_year_progress in step with the data they count.
 * Every write that can change a count (a result, a transition, a registration, an import, a
 * designation) updates them in its own transaction (trackProgress, or a whole-province refresh
 * when units move), so dashboards read a few hundred summary rows however large the database grows,
 * and a recognition shows on the next load.
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

// A rebuild of a province takes its lock exclusively; a change to a few of its wards shares it
// and locks those wards' today's units (ROOT_NAMESPACE), so saves in one province never queue
// behind each other unless they touch the same ward.
const LOCK_NAMESPACE = 726_451_203;
const ROOT_NAMESPACE = 726_451_204;

/**
 * The units a province's figures count: today's units that `start` picks, and every former unit
 * counted under them (through `counts_under_id`), phường at some time.
 */
const unitTree = (start: Prisma.Sql) => Prisma.sql`
  WITH RECURSIVE tree AS (
    SELECT u.id AS unit_id, u.id AS today_id, 0 AS depth FROM units u WHERE ${start}
    UNION ALL
    SELECT o.id, t.today_id, t.depth + 1 FROM tree t JOIN units o ON o.counts_under_id = t.unit_id WHERE t.depth < 8
  ),
  keyed AS (
    SELECT u.id, u.type, u.valid_from, u.valid_to, u.province_id AS recorded_province, t.today_id
      FROM tree t JOIN units u ON u.id = t.unit_id
     WHERE u.type = 'PHUONG'
        OR EXISTS (SELECT 1 FROM unit_type_changes c WHERE c.unit_id = u.id AND 'PHUONG' IN (c.from_type, c.to_type))
  )`;

const todayUnitsOf = (provinceId: number, roots?: number[]) =>
  Prisma.sql`u.province_id = ${provinceId}::int AND u.valid_to IS NULL ${roots ? Prisma.sql`AND u.id = ANY(${roots}::int[])` : Prisma.empty}`;

/** The province's units: today's, and every former unit counted under them, phường at some time. */
export const unitsOfProvince = (provinceId: number) => unitTree(todayUnitsOf(provinceId));

const yearsOf = (years?: number[]) =>
  years
    ? Prisma.sql`SELECT unnest(${years}::int[]) AS year`
    : Prisma.sql`SELECT generate_series(${FIRST_YEAR}::int, ${LAST_YEAR}::int) AS year`;

/**
 * The province figures of these units (every today's unit of the province, or just `roots`):
 * one row per (lineage, year, province shown under). Counts of disjoint sets of today's units add
 * up, which is what lets a write apply the change of its own wards only.
 */
const provinceFigures = (provinceId: number, roots?: number[], years?: number[]) => Prisma.sql`
    ${unitTree(todayUnitsOf(provinceId, roots))},
    years AS (${yearsOf(years)}),
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
       WHERE a.status <> 'CANCELLED' AND a.year IN (SELECT year FROM years)
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
    SELECT w.lineage, w.year, w.group_province AS province_id, w.wards,
           coalesce(f.registered, 0) AS registered, coalesce(f.attained, 0) AS attained,
           coalesce(r.recognised, 0) AS recognised, coalesce(p.provisional, 0) AS provisional
      FROM wards w
      LEFT JOIN (SELECT lineage, year, group_province, count(*)::int AS registered, count(*) FILTER (WHERE attained)::int AS attained
                   FROM facts GROUP BY 1, 2, 3) f USING (lineage, year, group_province)
      LEFT JOIN (SELECT lineage, year, group_province, count(*)::int AS recognised FROM rec GROUP BY 1, 2, 3) r USING (lineage, year, group_province)
      LEFT JOIN (SELECT lineage, year, group_province, count(*)::int AS provisional FROM prov GROUP BY 1, 2, 3) p USING (lineage, year, group_province)`;

/** Registered wards meeting each criterion, per year, for these units (as above). */
const criterionFigures = (provinceId: number, roots?: number[], years?: number[]) => Prisma.sql`
    ${unitTree(todayUnitsOf(provinceId, roots))}
    SELECT a.year, r.criterion_id, count(*) FILTER (WHERE r.state = 'MET')::int AS met, count(*)::int AS assessed
      FROM keyed JOIN assessments a ON a.unit_id = keyed.id
      JOIN criterion_results r ON r.assessment_id = a.id
     WHERE a.status <> 'CANCELLED' ${years ? Prisma.sql`AND a.year = ANY(${years}::int[])` : Prisma.empty}
     GROUP BY a.year, r.criterion_id`;

/**
 * Raises the provinces' counters (progress_versions): what pages keep in memory of their ward
 * tables is then read again, on every instance. Call last in the transaction: the row stays
 * locked until it commits.
 */
const raiseVersionsSql = (provinceIds: number[]) => Prisma.sql`
    INSERT INTO progress_versions (province_id, version)
    SELECT p, 1 FROM unnest(${[...provinceIds].sort((a, b) => a - b)}::int[]) AS p
    ON CONFLICT (province_id) DO UPDATE SET version = progress_versions.version + 1`;

async function raiseVersions(tx: Tx, provinceIds: number[]): Promise<void> {
  if (provinceIds.length > 0) await tx.$executeRaw(raiseVersionsSql(provinceIds));
}

/**
 * For writes that change what a ward table shows but no count (a workflow step such as a
 * submission or a return): the provinces of these units see it on their next read.
 */
export async function touchProgress(tx: Tx, unitIds: number[]): Promise<void> {
  await raiseVersions(tx, [...new Set((await rootsOf(tx, unitIds)).map((r) => r.province_id))]);
}

async function refreshProvince(tx: Tx, provinceId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, ${provinceId}::int)`;
  await raiseVersions(tx, [provinceId]);
  await tx.$executeRaw`DELETE FROM province_year_progress WHERE today_province_id = ${provinceId}::int`;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO province_year_progress (lineage, year, province_id, today_province_id, wards, registered, attained, recognised, provisional)
    SELECT f.lineage, f.year, f.province_id, ${provinceId}::int, f.wards, f.registered, f.attained, f.recognised, f.provisional
      FROM (${provinceFigures(provinceId)}) f`);
  await tx.$executeRaw`DELETE FROM criterion_year_progress WHERE today_province_id = ${provinceId}::int`;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO criterion_year_progress (year, today_province_id, criterion_id, met, assessed)
    SELECT f.year, ${provinceId}::int, f.criterion_id, f.met, f.assessed FROM (${criterionFigures(provinceId)}) f`);
}

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

/**
 * Recomputes whole provinces: for writes that change which units count where (a successor
 * designated), where no smaller change can be told apart.
 */
export async function refreshProgressForUnits(tx: Tx, unitIds: number[]): Promise<void> {
  for (const provinceId of (await todayProvincesOf(tx, unitIds)).sort((a, b) => a - b))
    await refreshProvince(tx, provinceId);
}

/**
 * A tracked write's counts (the same few statements, a few wards each) run on their kept generic
 * plan: planning them again on every save cost more than running them. The mode lasts from the
 * locks to the upkeep (`set_config(…, true)` is local to the transaction, so a failed write leaves
 * nothing behind); a province's rebuild needs plans made for its own figures and never runs in it.
 */
const genericPlans = Prisma.sql`set_config('plan_cache_mode', 'force_generic_plan', true) AS plans`;
const customPlans = Prisma.sql`set_config('plan_cache_mode', 'auto', true) AS plans`;

/**
 * The today's unit each unit counts under (itself when in force), with its province. With
 * `lock`, it also takes each province's lock shared and each of those units' lock, in the order
 * of the rows (PostgreSQL evaluates volatile output after the sort), so that two writers never
 * wait for each other in a circle, and a rebuild (which takes a province's lock exclusively, in
 * the same order) waits for them.
 */
async function rootsOf(tx: Tx, unitIds: number[], lock = false) {
  return tx.$queryRaw<{ root: number; province_id: number }[]>(Prisma.sql`
    WITH RECURSIVE up AS (
      SELECT u.id, u.counts_under_id, u.valid_to, u.province_id, 0 AS depth FROM units u WHERE u.id = ANY(${unitIds}::int[])
      UNION ALL
      SELECT n.id, n.counts_under_id, n.valid_to, n.province_id, up.depth + 1
        FROM up JOIN units n ON n.id = up.counts_under_id WHERE up.valid_to IS NOT NULL AND up.depth < 8
    ),
    roots AS (SELECT DISTINCT id AS root, province_id FROM up WHERE valid_to IS NULL)
    SELECT root, province_id ${
      lock
        ? Prisma.sql`, pg_advisory_xact_lock_shared(${LOCK_NAMESPACE}::int, province_id)::text AS p,
                       pg_advisory_xact_lock(${ROOT_NAMESPACE}::int, root)::text AS r, ${genericPlans}`
        : Prisma.empty
    } FROM roots ORDER BY province_id, root`);
}

const PROVINCE_COUNTS = ['wards', 'registered', 'attained', 'recognised', 'provisional'];
const CRITERION_COUNTS = ['met', 'assessed'];

/** Both figures of these wards, as JSON text: what `applyChange` subtracts afterwards. */
const figuresSql = (provinceId: number, roots: number[], years?: number[]) => Prisma.sql`
  SELECT (SELECT coalesce(json_agg(f), '[]')::text FROM (${provinceFigures(provinceId, roots, years)}) f) AS province,
         (SELECT coalesce(json_agg(f), '[]')::text FROM (${criterionFigures(provinceId, roots, years)}) f) AS criteria`;

/**
 * `after − before` of one set of figures, row by row on `keys`, keeping rows that changed: `after`
 * is a query, `before` the JSON its earlier run gave.
 */
function changeSql(after: Prisma.Sql, before: string, keys: string[], counts: string[]) {
  const all = [...keys, ...counts].join(', ');
  const columns = [
    ...keys.map((k) => `${k} ${k === 'lineage' ? 'boolean' : 'int'}`),
    ...counts.map((c) => `${c} int`),
  ].join(', ');
  const raw = (sql: string) => Prisma.raw(sql);
  return Prisma.sql`
    SELECT ${raw(keys.join(', '))}, ${raw(counts.map((c) => `sum(${c})::int AS ${c}`).join(', '))}
      FROM (SELECT ${raw(all)} FROM (${after}) a
            UNION ALL
            SELECT ${raw([...keys, ...counts.map((c) => `-${c}`)].join(', '))}
              FROM json_to_recordset(${before}::json) AS b(${raw(columns)})) x
     GROUP BY ${raw(keys.join(', '))}
    HAVING ${raw(counts.map((c) => `sum(${c}) <> 0`).join(' OR '))}`;
}

/**
 * Counts these wards again and adds the change since `before` to both summaries, raising the
 * province's counter (statuses and counts in the ward table change even where the summaries do
 * not), in one statement. Answers whether a criterion lost assessed wards.
 */
const applyChangeSql = (
  provinceId: number,
  roots: number[],
  years: number[] | undefined,
  before: { province: string; criteria: string },
) => Prisma.sql`
  WITH d_p AS (${changeSql(provinceFigures(provinceId, roots, years), before.province, ['lineage', 'year', 'province_id'], PROVINCE_COUNTS)}),
       d_c AS (${changeSql(criterionFigures(provinceId, roots, years), before.criteria, ['year', 'criterion_id'], CRITERION_COUNTS)}),
       c_p AS (
         INSERT INTO province_year_progress (lineage, year, province_id, today_province_id, wards, registered, attained, recognised, provisional)
         SELECT lineage, year, province_id, ${provinceId}::int, wards, registered, attained, recognised, provisional FROM d_p
         ON CONFLICT (lineage, year, province_id, today_province_id) DO UPDATE SET
           wards = province_year_progress.wards + EXCLUDED.wards,
           registered = province_year_progress.registered + EXCLUDED.registered,
           attained = province_year_progress.attained + EXCLUDED.attained,
           recognised = province_year_progress.recognised + EXCLUDED.recognised,
           provisional = province_year_progress.provisional + EXCLUDED.provisional),
       c_c AS (
         INSERT INTO criterion_year_progress (year, today_province_id, criterion_id, met, assessed)
         SELECT year, ${provinceId}::int, criterion_id, met, assessed FROM d_c
         ON CONFLICT (year, today_province_id, criterion_id) DO UPDATE SET
           met = criterion_year_progress.met + EXCLUDED.met,
           assessed = criterion_year_progress.assessed + EXCLUDED.assessed),
       v AS (${raiseVersionsSql([provinceId])})
  SELECT coalesce(bool_or(assessed < 0), false) AS emptied, ${customPlans} FROM d_c`;

/**
 * Call before a write that may change what the dashboards count (a result's state, a workflow
 * step, a registration, an import), inside its transaction; call the answer after the write.
 * Only the wards written to are counted, before and after, and the difference is added to the
 * summaries: the cost follows the size of the write, not of the province. `years` limits the
 * count to the years written to (a recognition counts in every later year: leave it out).
 * Three statements in all: the locks, the count before, and the count after with its upkeep.
 */
export async function trackProgress(
  tx: Tx,
  unitIds: number[],
  years?: number[],
): Promise<() => Promise<void>> {
  const roots = await rootsOf(tx, unitIds, true);
  if (roots.length === 0) return async () => {};
  const provinces = [...new Set(roots.map((r) => r.province_id))].map((p) => ({
    id: p,
    roots: roots.filter((r) => r.province_id === p).map((r) => r.root),
  }));
  const before = new Map<number, { province: string; criteria: string }>();
  for (const p of provinces) {
    const [row] = await tx.$queryRaw<{ province: string; criteria: string }[]>(
      figuresSql(p.id, p.roots, years),
    );
    before.set(p.id, row!);
  }
  return async () => {
    for (const p of provinces) {
      const [answer] = await tx.$queryRaw<{ emptied: boolean }[]>(
        applyChangeSql(p.id, p.roots, years, before.get(p.id)!),
      );
      // A rebuild keeps no row for a criterion nobody is assessed on: neither does a change. (A
      // statement does not see its own updates, so this one follows it.)
      if (answer?.emptied)
        await tx.$executeRaw`DELETE FROM criterion_year_progress WHERE today_province_id = ${p.id}::int AND assessed = 0`;
    }
  };
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
