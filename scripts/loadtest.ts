import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { chromium } from '@playwright/test';
import { CliError, runCli } from './cli';
import { chromiumLaunch } from './lib/chromium';
import { databaseUrl } from './lib/pg-admin';
import { prepareNationalLoad, type LoadUser } from './lib/national-load';
import { processTree, startServer, statusKb } from './lib/processes';

/**
 * `npm run loadtest`: 100 signed-in users for 60 s against `next start` on PostgreSQL with
 * national-scale data; 80% page views (province dashboards and assessment sheets), 20% result
 * saves through the sheet's own server action. Prints
 *   LOAD requests=<n> errors=<n> p50_ms=<x> p95_ms=<y>
 *   LOAD_PEAK_RSS_MB=<server's peak resident memory, all its processes>
 * Environment: LOAD_DATABASE_URL (server; default local postgres), LOAD_USERS (100),
 * LOAD_SECONDS (60), PORT (3400), WEB_CONCURRENCY (the server's processes). Builds the app when
 * needed, and needs Chromium (to record the server action's wire format once).
 *
 * LOAD_BASELINE_REF=<commit>: first runs that commit's own load test (checked out in a temporary
 * worktree, installed and built there) on the same machine and data, then this one, and prints
 * LOAD_RATIO requests=<this / baseline>, so the gain is measured in one run.
 */

const server =
  process.env.LOAD_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const USERS = Number(process.env.LOAD_USERS ?? 100);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = Number(process.env.PORT ?? 3400);
const BASE = `http://127.0.0.1:${PORT}`;
const YEAR = 2026;
const PASSWORD = 'LoadTest2026x';
const dbUrl = databaseUrl(server, 'kieumau_load');

interface ActionWire {
  headers: Record<string, string>;
  body: string;
}

function launchBrowser() {
  return chromium.launch(chromiumLaunch);
}

/** Signs in once in a real browser and keeps the request the sign-in form's action sends. */
async function recordSignIn(email: string): Promise<ActionWire> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${BASE}/login`);
    const captured = new Promise<ActionWire>((resolve) =>
      page.on('request', (request) => {
        const headers = request.headers();
        if (request.method() === 'POST' && headers['next-action'])
          resolve({ headers, body: request.postData() ?? '' });
      }),
    );
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/Mật khẩu|Password/).fill(PASSWORD);
    await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
    return await captured;
  } finally {
    await browser.close();
  }
}

/** Signs a user in through the sign-in form's own server action; answers the session cookie. */
async function signIn(wire: ActionWire, email: string): Promise<string> {
  const response = await fetch(`${BASE}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: Object.fromEntries(
      Object.entries(wire.headers).filter(([k]) => k !== 'content-length' && k !== 'cookie'),
    ),
    body: wire.body.replace(/(name="_?1_email"\r\n\r\n)[^\r]*/, `$1${email}`),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('kieumau.session='));
  if (!session) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return session.split(';')[0]!;
}

/** Saves once in a real browser and keeps the request the sheet's server action sends. */
async function recordSave(user: LoadUser): Promise<ActionWire> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const [name, value] = user.cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: BASE }]);
    const page = await context.newPage();
    await page.goto(`${BASE}/wards/${user.sheets[0]!.unitCode}/${YEAR}`);
    const captured = new Promise<ActionWire>((resolve) =>
      page.on('request', (request) => {
        const headers = request.headers();
        if (request.method() === 'POST' && headers['next-action'])
          resolve({ headers, body: request.postData() ?? '' });
      }),
    );
    const row = page.getByRole('listitem', { name: /^20\./ });
    await row.getByLabel(/Ghi chú|Note/).fill('load test');
    await row.getByRole('button', { name: /Lưu|Save/ }).click();
    return await captured;
  } finally {
    await browser.close();
  }
}

/** The recorded body with another result, version and note. */
function saveBody(wire: ActionWire, resultId: number, version: number, note: string): string {
  return wire.body
    .replace(/(name="_?1_resultId"\r\n\r\n)\d+/, `$1${resultId}`)
    .replace(/(name="_?1_version"\r\n\r\n)\d+/, `$1${version}`)
    .replace(/(name="_?1_note"\r\n\r\n)[^\r]*/, `$1${note}`);
}

/** Peak resident memory of a process and its children (VmHWM of each, summed), in MB. */
function peakRssMb(pid: number): number {
  const kb = processTree(pid).reduce((sum, p) => sum + statusKb(p, 'VmHWM'), 0);
  return Math.round(kb / 1024);
}

/** Runs another commit's own load test first (see above); answers its LOAD line. */
function runBaseline(ref: string): string {
  const run = (cmd: string, args: string[], cwd: string) => {
    const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env } });
    if (r.status !== 0) throw new CliError(`${cmd} ${args.join(' ')} failed in ${cwd}`);
  };
  const sha = spawnSync('git', ['rev-parse', ref], { encoding: 'utf8' }).stdout.trim();
  if (!sha) throw new CliError(`unknown commit ${ref}`);
  const dir = `/tmp/kieumau-baseline-${sha.slice(0, 12)}`;
  if (!fs.existsSync(`${dir}/.next/BUILD_ID`)) {
    fs.rmSync(dir, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune']);
    run('git', ['worktree', 'add', '--detach', dir, sha], process.cwd());
    run('npm', ['ci', '--no-audit', '--no-fund'], dir);
    run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], dir);
  }
  console.log(`— baseline ${sha.slice(0, 12)} —`);
  const env = { ...process.env, LOAD_BASELINE_REF: '' };
  const r = spawnSync('npm', ['run', 'loadtest'], { cwd: dir, env, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const line = /LOAD requests=.*/.exec(r.stdout)?.[0];
  if (!line) throw new CliError('the baseline printed no LOAD line');
  console.log('— this checkout —');
  return line;
}

const field = (line: string, name: string) =>
  Number(new RegExp(`${name}=([\\d.]+)`).exec(line)?.[1]);

await runCli(async () => {
  const baseline = process.env.LOAD_BASELINE_REF
    ? runBaseline(process.env.LOAD_BASELINE_REF)
    : null;
  if (!fs.existsSync('.next/BUILD_ID')) {
    console.log('Building the app…');
    if (
      spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
        stdio: 'inherit',
      }).status !== 0
    )
      throw new Error('next build failed');
  }
  const t0 = Date.now();
  const prepared = await prepareNationalLoad(dbUrl, {
    users: USERS,
    password: PASSWORD,
    year: YEAR,
  });
  console.log(
    `database ready in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${prepared.length} users with draft sheets`,
  );

  const secret = 'load-test-secret-load-test-secret-0123456789';
  const app = await startServer(PORT, {
    DATABASE_URL: dbUrl,
    NEXTAUTH_SECRET: secret,
    DATABASE_POOL_SIZE: '20',
  });
  try {
    const signInWire = await recordSignIn(prepared[0]!.email);
    const users: LoadUser[] = [];
    for (const u of prepared) users.push({ ...u, cookie: await signIn(signInWire, u.email) });
    const wire = await recordSave(users[0]!);
    console.log(
      `signed in ${users.length} users; recorded the save action (${wire.headers['next-action']!.slice(0, 8)}…)`,
    );
    if (process.env.LOAD_DEBUG) console.log(JSON.stringify(wire.body.slice(0, 1200)));

    let n = 0;
    const latencies: number[] = [];
    const options: autocannon.Options = {
      url: BASE,
      connections: users.length,
      duration: SECONDS,
      timeout: 30,
      requests: [
        {
          setupRequest: (request) => {
            n += 1;
            const user = users[n % users.length]!;
            const sheet = user.sheets[n % user.sheets.length]!;
            const roll = n % 10;
            if (roll < 2) {
              // A save: usually over a stale version by now, which the app answers with the conflict message (200).
              const resultId = sheet.results[n % sheet.results.length]!;
              return {
                ...request,
                method: 'POST',
                path: `/wards/${sheet.unitCode}/${YEAR}`,
                headers: { ...wire.headers, cookie: user.cookie, host: `127.0.0.1:${PORT}` },
                body: saveBody(wire, resultId, 1 + (n % 3), `ghi chú tải ${n}`),
              };
            }
            const path =
              roll < 6
                ? `/provinces/${user.provinceCode}?year=${YEAR}`
                : `/wards/${sheet.unitCode}/${YEAR}`;
            return {
              ...request,
              method: 'GET',
              path,
              headers: { cookie: user.cookie },
              body: undefined,
            };
          },
        },
      ],
    };
    // Optionally restart PostgreSQL in the middle of the run (LOAD_RESTART_AT seconds in).
    const restartAt = Number(process.env.LOAD_RESTART_AT ?? 0);
    let restarted = false;
    const restartTimer =
      restartAt > 0
        ? setTimeout(() => {
            const version = fs.readdirSync('/usr/lib/postgresql').sort().at(-1)!;
            const run = spawnSync('pg_ctlcluster', [version, 'main', 'restart'], {
              stdio: 'inherit',
            });
            restarted = run.status === 0;
            console.log(
              `PostgreSQL ${version} restarted at ${restartAt} s: ${restarted ? 'ok' : 'failed'}`,
            );
          }, restartAt * 1000)
        : undefined;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(options, (error, r) => (error ? reject(error) : resolve(r)));
      instance.on('response', (_client, _status, _bytes, responseTime) =>
        latencies.push(responseTime),
      );
    });
    if (restartTimer) clearTimeout(restartTimer);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `status codes: ${JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, (v as { count: number }).count])))}`,
    );
    const check = new pg.Client({ connectionString: dbUrl });
    await check.connect();
    const one = async (sql: string) => Number((await check.query(sql)).rows[0].n);
    const saved = await one(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'result.update' AND actor_email LIKE 'load-%'`,
    );
    // Nothing half-written: every version step of a result has its audit event, and every
    // assessment's stored counts match its results.
    const steps = await one(
      `SELECT coalesce(sum(version - 1), 0)::int AS n FROM criterion_results`,
    );
    const audited = await one(
      `SELECT count(*)::int AS n FROM audit_events WHERE action IN ('result.update', 'result.import')`,
    );
    const drift = await one(`SELECT count(*)::int AS n FROM assessments a
      WHERE a.met_count <> (SELECT count(*) FROM criterion_results r WHERE r.assessment_id = a.id AND r.state = 'MET')`);
    await check.end();
    console.log(
      `saves applied=${saved} (the rest met a newer version and were refused with the conflict message)`,
    );
    const line = `LOAD requests=${result.requests.total} errors=${errors} p50_ms=${pct(50).toFixed(0)} p95_ms=${pct(95).toFixed(0)}`;
    console.log(line);
    console.log(`LOAD_PEAK_RSS_MB=${peakRssMb(app.pid!)}`);
    if (baseline) {
      console.log(`LOAD_BASELINE ${baseline.replace('LOAD ', '')}`);
      console.log(
        `LOAD_RATIO requests=${(field(line, 'requests') / field(baseline, 'requests')).toFixed(2)} p95=${(field(line, 'p95_ms') / field(baseline, 'p95_ms')).toFixed(2)}`,
      );
    }
    if (restartAt > 0) {
      // Recovered without restarting the app: health and a page answer again.
      let healthy = false;
      for (let i = 0; i < 30 && !healthy; i += 1) {
        healthy = (await fetch(`${BASE}/api/health`).catch(() => null))?.status === 200;
        if (!healthy) await new Promise((r) => setTimeout(r, 1000));
      }
      const page = await fetch(`${BASE}/provinces/${users[0]!.provinceCode}`, {
        headers: { cookie: users[0]!.cookie },
      });
      const consistent = steps === audited && drift === 0;
      console.log(
        `LOAD_FAULT restarted=${restarted} recovered=${healthy && page.status === 200} consistent=${consistent} version_steps=${steps} audited=${audited} count_drift=${drift}`,
      );
      if (!restarted || !healthy || page.status !== 200 || !consistent)
        throw new CliError('the fault run failed (see LOAD_FAULT)');
    } else {
      if (steps !== audited || drift !== 0)
        throw new CliError(
          `inconsistent after the load: version_steps=${steps} audited=${audited} count_drift=${drift}`,
        );
      if (errors > 0) throw new CliError(`${errors} requests failed under load`);
    }
  } finally {
    app.kill('SIGTERM');
  }
});
