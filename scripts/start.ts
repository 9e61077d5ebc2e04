import './lib/load-env';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, getDatabase } from '@/lib/server/db';
import { countUsers } from '@/lib/data/accounts/users';
import { readEnv } from '@/lib/server/env';
import { applyMigrations } from '@/lib/server/migrations';
import { seed } from '@/prisma/seed';
import { DEMO_PASSWORD, demoAccounts } from '@/prisma/seed-data/demo-accounts';
import { runCli } from './cli';

/**
 * `npm start`: migrate, seed the national units (demo data and accounts only with
 * `npm start -- --demo`), build when the sources are newer than the last build, then serve with
 * scripts/server.ts. `npm run dev` (`--dev --demo`) prepares the database the same way, then
 * runs `next dev`.
 */

const root = process.cwd();
const port = process.env.PORT ?? '3000';

await runCli(async () => {
  readEnv(); // bad configuration stops here, with one sentence
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22)
    console.warn(
      `WARNING: Node.js ${process.versions.node} is out of support; Kiểu Mẫu is built and tested on Node.js 22 (.nvmrc).`,
    );
  const database = getDatabase();
  const migrations = await applyMigrations(database.sql);
  console.log(
    `Database: ${database.kind} (${database.location}), ${migrations.total} migrations, ${migrations.applied.length} just applied.`,
  );
  // Demo data and the demo accounts (public password) only when asked for: `npm start -- --demo`.
  const demo = process.argv.includes('--demo');
  const seeding = Date.now();
  const report = await seed(database.prisma, { demo });
  if (report.referenceUnits > 0)
    console.log(
      `National units loaded: ${report.referenceUnits} units before and after 1/7/2025, with their lineage.`,
    );
  if (report.demoAssessments > 0)
    console.log(`Demo data loaded: ${report.demoAssessments} assessments on real wards.`);
  if (report.referenceUnits > 0 || report.demoAssessments > 0)
    console.log(`Loading took ${Date.now() - seeding} ms.`);
  if (demo) {
    console.log(`Demo mode. Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts)
      console.log(`  ${a.email.padEnd(22)} ${a.role}${a.scopeLabel ? ` · ${a.scopeLabel}` : ''}`);
  } else if ((await countUsers()) === 0) {
    console.log(
      'No accounts yet. Create the first administrator (then sign in and set up two-factor sign-in):\n' +
        '  npm run admin:create -- --email you@agency.gov.vn --name "Your Name"',
    );
  }
  // The server opens the embedded database itself: release it first.
  await closeDatabase();

  // `npm run dev`: the same prepared database, served by Next's development server (reloads on
  // save; no build, no scripts/server.ts in front).
  if (process.argv.includes('--dev')) {
    const dev = spawn(process.execPath, [nextBin(), 'dev', '--port', port], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'development' },
    });
    const stopDev = (signal: NodeJS.Signals) => dev.kill(signal);
    process.on('SIGINT', stopDev);
    process.on('SIGTERM', stopDev);
    const code = await new Promise<number>((resolve) => dev.on('exit', (c) => resolve(c ?? 0)));
    if (code !== 0) throw new Error(`next dev exited with code ${code}`);
    return;
  }

  if (needsBuild()) {
    console.log('Building the app (first start, or the sources changed)…');
    const started = new Date();
    const build = spawnSync(process.execPath, [nextBin(), 'build'], {
      stdio: 'inherit',
      env: process.env,
    });
    if (build.status !== 0) throw new Error('next build failed');
    // The build is as old as the sources it read: a file saved while it ran makes the next start
    // build again.
    const buildId = path.join(root, '.next', 'BUILD_ID');
    fs.utimesSync(buildId, started, started);
  }

  // scripts/server.ts: Next.js behind our own HTTP server, which alone decides the client
  // address (TRUSTED_PROXIES) and refuses oversized bodies before reading them. tsx loads it in
  // the same process (`--import`), not through its command line, whose child is killed when it
  // does not confirm a relayed SIGTERM within 30 ms (a busy server), which ended every graceful
  // stop under load.
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', PORT: port },
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await new Promise<number>((resolve) => server.on('exit', (c) => resolve(c ?? 0)));
  if (code !== 0) throw new Error(`the server exited with code ${code}`);
});

function nextBin(): string {
  return path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
}

/** True when there is no build, or any source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = [
    'app',
    'components',
    'lib',
    'public',
    'next.config.js',
    'package-lock.json',
    'prisma/schema.prisma',
  ];
  const newer = (p: string): boolean => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return false;
    const stat = fs.statSync(full);
    if (!stat.isDirectory()) return stat.mtimeMs > built;
    return fs
      .readdirSync(full)
      .some((entry) => entry !== 'generated' && newer(path.join(p, entry)));
  };
  return sources.some(newer);
}
