import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { closeDatabase, db, getDatabase } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrations';
import { DEMO_PASSWORD } from '@/prisma/seed-data/demo-accounts';
import { seed } from '@/prisma/seed';
import { startS3Server } from '@/tests/support/s3-server';
import { runCli } from './cli';
import { chromiumLaunch } from './lib/chromium';
import { adminQuery, databaseUrl } from './lib/pg-admin';
import { processTree, startServer, statusKb } from './lib/processes';
import { median } from './lib/timing';

/**
 * `npm run bench:upload`: what an evidence file of 5, 10 and 20 MB costs, on the embedded
 * database and on PostgreSQL, with its bytes in the database and on an S3-compatible object store
 * (s3rver on loopback, through the AWS SDK, as `EVIDENCE_STORE=s3` runs against MinIO). A province officer uploads each through the sheet's own form in
 * Chromium, on the demo data in a fresh database (PostgreSQL is another process, so the server's
 * memory is the app's alone; PGlite runs inside the server); each file is then downloaded.
 * Before each transfer the server's peak resident memory is reset (/proc/<pid>/clear_refs), and
 * after it the new peak is read. The upload's time runs from the click on "Thêm" to the item in
 * the list: the whole wait the officer sees. Prints, per database and size,
 *   UPLOAD db=<pglite|postgres> store=<database|s3> file_mb=<size> runs=<n> seconds=<median> baseline_rss_mb=<before>
 *          peak_over_baseline_mb=<median> copies=<peak over baseline / file size>
 *          download_peak_over_baseline_mb=<median>
 * Environment: BENCH_DATABASE_URL (PostgreSQL server; default local postgres), BENCH_DATABASES
 * (pglite,postgres), BENCH_STORES (database,s3), BENCH_RUNS (3), BENCH_FILE_MB (5,10,20),
 * PORT (3420).
 */

const server =
  process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_FILE_MB ?? '5,10,20').split(',').map(Number);
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const STORES = (process.env.BENCH_STORES ?? 'database,s3').split(',');
const PORT = Number(process.env.PORT ?? 3420);
const BASE = `http://127.0.0.1:${PORT}`;
const dbUrl = databaseUrl(server, 'kieumau_upload');

/**
 * Runs `transfer` and answers how far the server's resident memory rose above where it stood
 * (MiB, summed over its processes): each process's peak is reset first, then read.
 */
async function peakDuring(pid: number, transfer: () => Promise<void>): Promise<number> {
  const pids = processTree(pid);
  const before = new Map(pids.map((p) => [p, statusKb(p, 'VmRSS')]));
  for (const p of pids) fs.writeFileSync(`/proc/${p}/clear_refs`, '5');
  await transfer();
  return (
    pids.reduce((sum, p) => sum + Math.max(0, statusKb(p, 'VmHWM') - before.get(p)!), 0) / 1024
  );
}

/**
 * A PDF of `mb` MiB, one stream of random bytes (as a scan's compressed image is), whose bytes
 * differ from every other run's (so none is stored once for two).
 */
function pdf(mb: number): Buffer {
  const body = Buffer.alloc(mb * 1024 * 1024);
  for (let offset = 0; offset < body.length; offset += 65536)
    randomBytes(Math.min(65536, body.length - offset)).copy(body, offset);
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Filter /DCTDecode >>\nstream\n');
  const tail = Buffer.from('\nendstream\nendobj\n%%EOF\n');
  head.copy(body);
  tail.copy(body, body.length - tail.length);
  return body;
}

/** A fresh database with the demo, and the server's environment to use it. */
async function prepare(kind: string): Promise<Record<string, string>> {
  if (kind === 'postgres') {
    await adminQuery(server, 'DROP DATABASE IF EXISTS kieumau_upload');
    await adminQuery(server, 'CREATE DATABASE kieumau_upload');
    process.env.DATABASE_URL = dbUrl;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kieumau-upload-'));
    process.env.DATABASE_URL = '';
    process.env.DATA_DIR = dir;
  }
  await applyMigrations(getDatabase().sql);
  await seed(db(), { demo: true });
  await closeDatabase();
  return kind === 'postgres'
    ? { DATABASE_URL: dbUrl }
    : { DATABASE_URL: '', DATA_DIR: process.env.DATA_DIR! };
}

async function bench(kind: string, store: string) {
  const s3 = store === 's3' ? await startS3Server() : null;
  const app = await startServer(PORT, {
    ...(await prepare(kind)),
    EVIDENCE_STORE: store,
    ...s3?.env,
    WEB_CONCURRENCY: '1',
    NOTIFY_INTERVAL_SECONDS: '3600',
    NEXTAUTH_SECRET: 'bench-upload-secret-bench-upload-secret-01',
  });
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill('thanhhoa@example.vn');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto('/wards?q=ngoc%20son');
    await page.getByRole('link', { name: 'Phường Ngọc Sơn', exact: true }).click();
    await page.getByRole('link', { name: 'Mở phiếu năm 2026' }).click();
    const row = page.getByRole('listitem', { name: /^17\./ });
    await row.getByText('Thêm minh chứng').click();
    const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

    const pid = app.pid!;
    const baseline = processTree(pid).reduce((sum, p) => sum + statusKb(p, 'VmRSS'), 0) / 1024;
    for (const mb of SIZES) {
      const uploads: number[] = [];
      const seconds: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const title = `Tệp ${mb} MB số ${run + 1}`;
        await row.getByLabel('Tiêu đề').fill(title);
        await row
          .getByLabel(/Tệp/)
          .setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: pdf(mb) });
        uploads.push(
          await peakDuring(pid, async () => {
            const start = performance.now();
            await row.getByRole('button', { name: 'Thêm' }).click();
            await row.getByRole('link', { name: title }).waitFor({ timeout: 120_000 });
            seconds.push((performance.now() - start) / 1000);
          }),
        );
      }
      const href = await row.getByRole('link', { name: `Tệp ${mb} MB số 1` }).getAttribute('href');
      const downloads: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        downloads.push(
          await peakDuring(pid, async () => {
            const response = await fetch(BASE + href!, { headers: { cookie: cookies } });
            let bytes = 0;
            const reader = response.body!.getReader();
            for (let piece = await reader.read(); !piece.done; piece = await reader.read())
              bytes += piece.value.length;
            if (bytes !== mb * 1024 * 1024) throw new Error(`downloaded ${bytes} bytes`);
          }),
        );
      }
      const peak = median(uploads);
      console.log(
        `UPLOAD db=${kind} store=${store} file_mb=${mb} runs=${RUNS} seconds=${median(seconds).toFixed(2)} ` +
          `baseline_rss_mb=${baseline.toFixed(0)} peak_over_baseline_mb=${peak.toFixed(1)} ` +
          `copies=${(peak / mb).toFixed(2)} ` +
          `download_peak_over_baseline_mb=${median(downloads).toFixed(1)}`,
      );
    }
  } finally {
    await browser.close();
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
    await s3?.stop();
  }
}

await runCli(async () => {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('build the app first (npm run build)');
  for (const kind of DATABASES) for (const store of STORES) await bench(kind, store);
});
