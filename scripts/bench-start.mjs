// npm run bench:start — the time `npm start -- --demo` takes to serve its first page on a new embedded
// database (which loads the national units, the demo and the summaries), and on a later start
// (which must load nothing again). With BENCH_BASELINE_DIR=<checkout of another commit, installed>
// the same is measured there in the same run, for a before/after comparison.
// The app is built first when needed, so the figures are the start-up itself, not the build.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = Number(process.env.BENCH_PORT ?? 3290);

async function waitForPage(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url, { redirect: 'manual' });
      if (r.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function startOnce(dir, dataDir) {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      path.join(dir, 'node_modules/tsx/dist/cli.mjs'),
      '--conditions=react-server',
      'scripts/start.ts',
      '--demo',
    ],
    {
      cwd: dir,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const ok = await waitForPage(`http://127.0.0.1:${port}/login`, started + 600_000);
  const seconds = (Date.now() - started) / 1000;
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
  if (!ok) throw new Error(`${dir}: no page within 10 minutes\n${log}`);
  return { seconds, log };
}

function ensureBuilt(dir) {
  if (fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))) return;
  const r = spawnSync(
    process.execPath,
    [path.join(dir, 'node_modules/next/dist/bin/next'), 'build'],
    {
      cwd: dir,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error(`${dir}: next build failed`);
}

async function measure(label, dir) {
  ensureBuilt(dir);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-bench-start-'));
  try {
    // A first start on a fresh folder, then a second one on the same folder.
    const first = await startOnce(dir, dataDir);
    const later = await startOnce(dir, dataDir);
    const reloaded = /National units loaded|Demo data loaded/.test(later.log);
    console.log(
      `BENCH start label=${label} first_s=${first.seconds.toFixed(1)} later_s=${later.seconds.toFixed(1)} later_reloaded=${reloaded}`,
    );
    return { first: first.seconds, later: later.seconds };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const current = await measure('current', process.cwd());
const baselineDir = process.env.BENCH_BASELINE_DIR;
if (baselineDir) {
  const baseline = await measure('baseline', path.resolve(baselineDir));
  console.log(
    `BENCH start_added_first_s=${(current.first - baseline.first).toFixed(1)} start_added_later_s=${(current.later - baseline.later).toFixed(1)}`,
  );
}
