import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { closeDatabase } from '@/lib/server/db';
import { countReviewQueue, listReviewQueue } from '@/lib/data/assessments/queue';
import { getSheet } from '@/lib/data/assessments/sheet';
import { getYearCalendar } from '@/lib/data/programme/calendar';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { NEAR_SHOWN } from '@/lib/domain/dashboard';
import { countUnread } from '@/lib/data/notifications/inbox';
import { readLiveSession } from '@/lib/data/accounts/sessions';
import { listProvinceWardsFor } from '@/lib/data/units/ward-tables';
import { listWards } from '@/lib/data/units/wards';
import { runCli } from './cli';
import { databaseUrl } from './lib/pg-admin';
import { cpuMs, processTree, startServer } from './lib/processes';
import { prepareNationalLoad } from './lib/national-load';
import { median, timeRuns } from './lib/timing';
import { getCurrentProvince, listProvinceOptions } from '@/lib/data/units/provinces';

/**
 * `npm run bench:pages`: five pages at national scale (the load run's data on PostgreSQL), one
 * signed-in Ministry user, one server process, no other load. For each page it prints
 *   PAGE <name> p50_ms=<server time> cpu_ms=<server CPU per request> data_p50_ms=<its data calls,
 *        bare> ratio=<p50/data>
 *        bytes=<HTML as sent> gzip_bytes=<the same, gzipped> floor_ratio=<cpu / the floor's cpu>
 * then FLOOR: the not-found page for the same signed-in user (the root layout and the shell, no
 * data), measured the same way in the same run: issue 32's goal 4 is every page's CPU ≤ 2× it.
 * "bare" is the page's own data functions (lib/data, the session check and the menu's
 * counts included) called in this process on the same database, without rendering.
 * Environment: BENCH_DATABASE_URL (server; default local postgres), BENCH_RUNS (30),
 * BENCH_WARMUPS (50), PORT (3410).
 */

const server =
  process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
// A running server's code has been through V8's optimising compiler: after 3 warm-ups a page
// still measured 10–40% slower than after 50 (2026-11-24), so each page and its data warm up 50 times.
const WARMUPS = Number(process.env.BENCH_WARMUPS ?? 50);
const PORT = Number(process.env.PORT ?? 3410);
const YEAR = 2026;
const SECRET = 'bench-pages-secret-bench-pages-secret-0123';
const dbUrl = databaseUrl(server, 'kieumau_pages');

const timed = async (fn: () => Promise<unknown>) => median(await timeRuns(fn, RUNS, WARMUPS));

await runCli(async () => {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('build the app first (npm run build)');
  await prepareNationalLoad(dbUrl, { users: 1, password: 'BenchPages2026x', year: YEAR });
  process.env.DATABASE_URL = dbUrl;
  process.env.NEXTAUTH_SECRET = SECRET;

  // A Ministry inspector, signed in: a session row and its cookie, as the sign-in form makes.
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const one = async (sql: string, values: unknown[] = []) =>
    (await client.query(sql, values)).rows[0];
  const user = await one(
    `INSERT INTO users (email, name, role, password_hash, updated_at)
     VALUES ('bench-pages@test.vn', 'Bench', 'MINISTRY', 'x', now()) RETURNING id`,
  );
  const sid = 'bench-pages-session';
  await client.query(
    `INSERT INTO user_sessions (id, user_id, expires_at, second_factor_at) VALUES ($1, $2, now() + interval '1 day', now())`,
    [sid, user.id],
  );
  const province = await one(
    `SELECT id, code FROM provinces WHERE valid_to IS NULL AND code = '01'`,
  );
  const sheet = await one(
    `SELECT u.code FROM assessments a JOIN units u ON u.id = a.unit_id
      WHERE a.year = $1 AND u.province_id = $2 AND u.name LIKE 'Bench %' ORDER BY a.id LIMIT 1`,
    [YEAR, province.id],
  );
  await client.end();
  const cookie = `kieumau.session=${await encode({ token: { uid: user.id, sid }, secret: SECRET, maxAge: 86400 })}`;

  const scope = { role: 'MINISTRY' as const, provinceId: null, unitId: null, id: user.id };
  const shell = () =>
    Promise.all([readLiveSession(sid, user.id), countReviewQueue(scope), countUnread(user.id)]);
  const dashboardQuery = { year: YEAR, official: true, lineage: true, nearMissLimit: NEAR_SHOWN };
  const pages: { name: string; path: string; status?: number; data: () => Promise<unknown> }[] = [
    // First: the floor every other page is compared with.
    { name: 'not-found', path: '/khong-co-trang-nay', status: 404, data: shell },
    {
      name: 'dashboard',
      path: `/dashboard?year=${YEAR}`,
      data: () =>
        Promise.all([
          shell(),
          getDashboard(scope, { provinceId: null, ...dashboardQuery }),
          getYearCalendar(YEAR),
        ]),
    },
    {
      name: 'province',
      path: `/provinces/${province.code}?year=${YEAR}`,
      data: async () => {
        await shell();
        const p = (await getCurrentProvince(scope, province.code))!;
        await Promise.all([
          getDashboard(scope, { provinceId: p.id, ...dashboardQuery }),
          listProvinceWardsFor(p.id, { year: YEAR, lineage: true }),
          getYearCalendar(YEAR),
        ]);
      },
    },
    {
      name: 'sheet',
      path: `/wards/${sheet.code}/${YEAR}`,
      data: () => Promise.all([shell(), getSheet(scope, sheet.code, YEAR), getYearCalendar(YEAR)]),
    },
    {
      name: 'review',
      path: '/review',
      data: () => Promise.all([shell(), listReviewQueue(scope, {}), listProvinceOptions(scope)]),
    },
    { name: 'wards', path: '/wards', data: () => Promise.all([shell(), listWards(scope, '')]) },
  ];

  const app = await startServer(PORT, { WEB_CONCURRENCY: '1', NOTIFY_INTERVAL_SECONDS: '3600' });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    let floorCpu = 0;
    for (const page of pages) {
      let body = '';
      const get = async () => {
        const r = await fetch(base + page.path, { headers: { cookie }, redirect: 'manual' });
        if (r.status !== (page.status ?? 200)) throw new Error(`${page.path}: HTTP ${r.status}`);
        body = await r.text();
      };
      // The server's CPU time over the timed requests (all its processes): what a page costs the
      // machine, steadier than its wall time, and what bounds throughput when the cores are busy.
      await timeRuns(get, 0, WARMUPS);
      const pids = processTree(app.pid!);
      const cpuBefore = cpuMs(pids);
      const p50 = median(await timeRuns(get, RUNS, 0));
      const cpu = (cpuMs(pids) - cpuBefore) / RUNS;
      const data = await timed(page.data);
      const bytes = Buffer.byteLength(body);
      const isFloor = page.status === 404;
      if (isFloor) floorCpu = cpu;
      const line = `${isFloor ? 'FLOOR' : 'PAGE '} ${page.name.padEnd(9)} p50_ms=${p50.toFixed(1)} cpu_ms=${cpu.toFixed(1)} data_p50_ms=${data.toFixed(1)} ratio=${(p50 / data).toFixed(1)} bytes=${bytes} gzip_bytes=${gzipSync(body).length} floor_ratio=${(cpu / floorCpu).toFixed(2)}`;
      console.log(line);
    }
  } finally {
    app.kill('SIGTERM');
    await closeDatabase();
  }
});
