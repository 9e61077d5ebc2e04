import pg from 'pg';
import { closeDatabase, getDatabase } from '@/lib/server/db';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { NEAR_SHOWN } from '@/lib/domain/dashboard';
import { loadReportData } from '@/lib/data/progress/reports';
import { briefingFile } from '@/lib/exports/briefing-file';
import { buildExportTable, exportMeta } from '@/lib/exports/tables';
import { tableToXlsx } from '@/lib/exports/xlsx';
import {
  rebuildAllProgress,
  refreshProgressForUnits,
  trackProgress,
} from '@/lib/data/progress/summary';
import { applyMigrations } from '@/lib/server/migrations';
import { seed } from '@/prisma/seed';
import { runCli } from './cli';
import { adminQuery, databaseUrl } from './lib/pg-admin';
import { buildSyntheticNation } from './lib/synthetic';
import { median, timeRuns } from './lib/timing';

/**
 * `npm run bench`: the national dashboard at national scale and at ten times that, on a real
 * PostgreSQL. Builds a synthetic database per scale (34 provinces, 3,321 wards × 10 years ×
 * 22 criteria ≈ 730,000 results; then 33,210 wards ≈ 7.3 million), then times the dashboard's
 * data loading through the app's own function against a bare SQL aggregate of the same figures.
 *
 *   BENCH_DATABASE_URL   server to use (default postgresql://postgres:postgres@127.0.0.1:5432/postgres)
 *   BENCH_RUNS           timed runs per measurement (default 15)
 *   BENCH_SCALES         e.g. "1,10" (default)
 *   BENCH_REUSE=1        keep a database an earlier run built at that scale (same ward count)
 *                        instead of building it again (~10 minutes at 10×)
 */

const server =
  process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const runs = Number(process.env.BENCH_RUNS ?? 15);
const scales = (process.env.BENCH_SCALES ?? '1,10').split(',').map(Number);
const YEAR = 2026;

const urlFor = (db: string) => databaseUrl(server, db);
const admin = (sql: string) => adminQuery(server, sql);

const time = (fn: () => Promise<unknown>) => timeRuns(fn, runs);

/** With BENCH_REUSE=1: whether `name` already holds a synthetic nation of `wards` wards. */
async function builtBefore(name: string, wards: number): Promise<boolean> {
  if (process.env.BENCH_REUSE !== '1') return false;
  const client = new pg.Client({ connectionString: urlFor(name) });
  try {
    await client.connect();
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM units WHERE name LIKE 'Bench %'`,
    );
    return rows[0].n === wards;
  } catch {
    return false; // no such database yet
  } finally {
    await client.end().catch(() => {});
  }
}

/** The same national figures, straight from the tables: the floor the dashboard is compared with. */
async function bareSql(client: pg.Client) {
  await client.query(`
    WITH years AS (SELECT generate_series(2021, 2030) AS year),
    w AS (SELECT province_id, count(*) wards FROM units WHERE type = 'PHUONG' AND valid_to IS NULL GROUP BY province_id),
    f AS (SELECT a.year, u.province_id, count(*) registered, count(*) FILTER (WHERE a.is_attained) attained
            FROM assessments a JOIN units u ON u.id = a.unit_id WHERE a.status <> 'CANCELLED' GROUP BY 1, 2),
    r AS (SELECT y.year, u.province_id, count(DISTINCT a.unit_id) recognised
            FROM years y JOIN recognition_decisions d ON d.year <= y.year AND d.withdrawn_at IS NULL
            JOIN assessments a ON a.id = d.assessment_id JOIN units u ON u.id = a.unit_id GROUP BY 1, 2)
    SELECT y.year, w.province_id, w.wards, f.registered, f.attained, r.recognised
      FROM years y CROSS JOIN w LEFT JOIN f ON f.year = y.year AND f.province_id = w.province_id
      LEFT JOIN r ON r.year = y.year AND r.province_id = w.province_id`);
  await client.query(
    `SELECT c.number, count(*) FILTER (WHERE r.state = 'MET') met, count(*) assessed
       FROM criterion_results r JOIN assessments a ON a.id = r.assessment_id JOIN criteria c ON c.id = r.criterion_id
      WHERE a.year = $1 AND a.status <> 'CANCELLED' GROUP BY c.number`,
    [YEAR],
  );
  await client.query(
    `SELECT a.id FROM assessments a WHERE a.year = $1 AND a.status <> 'CANCELLED' AND a.total_criteria - a.met_count BETWEEN 1 AND 2
      ORDER BY a.met_count DESC LIMIT 20`,
    [YEAR],
  );
}

let exportLine = '';

await runCli(async () => {
  const results: Record<number, number> = {};
  for (const scale of scales) {
    const name = `kieumau_bench_${scale}x`;
    const wards = 3321 * scale;
    const reused = await builtBefore(name, wards);
    if (!reused) {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${name}`);
    }
    process.env.DATABASE_URL = urlFor(name);
    process.env.NEXTAUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret-0000';
    const database = getDatabase();
    const client = new pg.Client({ connectionString: urlFor(name) });
    if (reused) await client.connect();
    else {
      await applyMigrations(database.sql);
      await seed(database.prisma, { demo: false });
      await client.connect();
      const t0 = Date.now();
      await buildSyntheticNation(client, wards, YEAR);
      const t1 = Date.now();
      // Bulk data is written behind the app's back, as an import would: rebuild the summaries.
      await database.prisma.$transaction((tx) => rebuildAllProgress(tx), {
        timeout: 3_600_000,
        maxWait: 60_000,
      });
      console.log(
        `built scale=${scale}x wards=${wards} in ${((t1 - t0) / 1000).toFixed(1)} s; summaries rebuilt in ${((Date.now() - t1) / 1000).toFixed(1)} s`,
      );
    }
    const count = Number(
      (await client.query('SELECT count(*) n FROM criterion_results')).rows[0].n,
    );
    if (reused) console.log(`reused scale=${scale}x wards=${wards} results=${count}`);

    const scope = { role: 'MINISTRY' as const, provinceId: null, unitId: null };
    const dashboard = await time(() =>
      getDashboard(scope, {
        provinceId: null,
        year: YEAR,
        official: true,
        lineage: true,
        nearMissLimit: NEAR_SHOWN,
      }),
    );
    const sql = await time(() => bareSql(client));
    const d = median(dashboard);
    const s = median(sql);
    results[scale] = d;
    console.log(
      `BENCH scale=${scale}x results=${count} dashboard_p50_ms=${d.toFixed(1)} sql_p50_ms=${s.toFixed(1)} ratio=${(d / s).toFixed(2)}`,
    );
    // What keeping the summaries costs a write. Before: the whole province recomputed. Now: the
    // change of the one ward written to, counted before and after a result flips MET <-> NOT_MET
    // (and the ward's attainment with it), timed apart from the write itself.
    const ward = (
      await client.query(
        `SELECT a.unit_id, a.id, r.id AS result_id FROM assessments a JOIN criterion_results r ON r.assessment_id = a.id
          WHERE a.year = $1 AND a.is_attained ORDER BY a.id LIMIT 1`,
        [YEAR],
      )
    ).rows[0];
    const refresh = await time(() =>
      database.prisma.$transaction((tx) => refreshProgressForUnits(tx, [ward.unit_id])),
    );
    // Warmed up as a running server is: its statements are prepared on each pooled connection and
    // PostgreSQL keeps their plan after five runs.
    const incremental = await timeRuns(
      async () => {
        let spent = 0;
        await database.prisma.$transaction(async (tx) => {
          const t0 = performance.now();
          const apply = await trackProgress(tx, [ward.unit_id], [YEAR]);
          spent += performance.now() - t0;
          await tx.$executeRaw`UPDATE criterion_results SET state = (CASE WHEN state = 'MET' THEN 'NOT_MET' ELSE 'MET' END)::"ResultState" WHERE id = ${ward.result_id}::int`;
          await tx.$executeRaw`UPDATE assessments SET is_attained = NOT is_attained WHERE id = ${ward.id}::int`;
          const t1 = performance.now();
          await apply();
          spent += performance.now() - t1;
        });
        return spent;
      },
      runs,
      20,
    );
    console.log(
      `BENCH scale=${scale}x write_refresh_province_p50_ms=${median(refresh).toFixed(1)} write_incremental_p50_ms=${median(incremental).toFixed(1)}`,
    );
    if (scale === 1) {
      // Briefing exports at national scale, end to end from the database to the bytes.
      const query = { year: YEAR, basis: 'official' as const, units: 'today' as const };
      const xlsx = await time(async () => {
        const data = (await loadReportData(scope, query))!;
        const table = buildExportTable('provinces', data, 'vi')!;
        await tableToXlsx(
          table,
          exportMeta(data, query, 'vi', { title: table.title.vi, key: 'provinces' }),
        );
      });
      const file = (format: 'pdf' | 'docx') =>
        time(async () => briefingFile((await loadReportData(scope, query))!, 'vi', format));
      const pdf = await file('pdf');
      // The official report (Báo cáo) of the nation: issue 30's goal is under 2 s.
      const docx = await file('docx');
      exportLine = `BENCH export_xlsx_ms=${median(xlsx).toFixed(0)} export_pdf_ms=${median(pdf).toFixed(0)} export_docx_ms=${median(docx).toFixed(0)}`;
    }
    await client.end();
    await closeDatabase();
  }
  if (results[1] && results[10])
    console.log(`BENCH growth_10x=${(results[10] / results[1]).toFixed(2)}`);
  if (exportLine) console.log(exportLine);
});
