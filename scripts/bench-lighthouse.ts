import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Config } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { DEMO_PASSWORD } from '@/prisma/seed-data/demo-accounts';
import { runCli } from './cli';
import { chromiumLaunch } from './lib/chromium';
import { median } from './lib/timing';

/**
 * `npm run bench:lighthouse`: Lighthouse (from npm, on Debian's Chromium) on the pages a leader,
 * an inspector or a province officer opens, signed in as that role, on the built app serving the
 * demo data (`npm start -- --demo` on a new embedded database). Each page runs on the mobile and
 * the desktop preset, LH_RUNS times (3), and prints the medians:
 *   LH <page> <preset> perf=<0–100> a11y=<0–100> bp=<0–100> lcp_ms= tbt_ms= cls= fcp_ms=
 *      bytes=<transferred> js_bytes=<JavaScript transferred> requests=<count> dom=<nodes>
 * Environment: LH_RUNS (3), LH_PAGES (comma-separated names, default all), PORT (3420),
 * CHROMIUM_PATH (/usr/bin/chromium), LH_REPORT_DIR (keeps each run's full Lighthouse JSON there,
 * `<page>-<preset>-<run>.json`, for the diagnostics: main-thread work, script treemap, long tasks).
 * Build first (`npm run build`).
 */

const PORT = Number(process.env.PORT ?? 3420);
const RUNS = Number(process.env.LH_RUNS ?? 3);
const base = `http://127.0.0.1:${PORT}`;

/** Each page, who opens it, and how to find its address when it depends on the data. */
const pages: {
  name: string;
  email: string;
  path: string | ((cookie: string) => Promise<string>);
}[] = [
  { name: 'dashboard', email: 'lanhdao@example.vn', path: '/dashboard' },
  { name: 'province', email: 'lanhdao@example.vn', path: '/provinces/38' },
  { name: 'ward-list', email: 'lanhdao@example.vn', path: '/wards' },
  { name: 'reports', email: 'lanhdao@example.vn', path: '/reports' },
  { name: 'review', email: 'thanhhoa@example.vn', path: '/review' },
  { name: 'ward-sheet', email: 'thanhhoa@example.vn', path: firstSheet },
  { name: 'notifications', email: 'thanhhoa@example.vn', path: '/notifications' },
];

/** The first dossier the province officer's queue links to. */
async function firstSheet(cookie: string): Promise<string> {
  const html = await (await fetch(`${base}/review`, { headers: { cookie } })).text();
  const href = /href="(\/wards\/[^"/?]+\/\d{4})"/.exec(html)?.[1];
  if (!href) throw new Error('no dossier in the review queue');
  return href;
}

/** Signs in through the app's own form, as a person would; the session cookie as a header. */
async function signIn(email: string): Promise<string> {
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const cookies = await page.context().cookies();
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

async function startDemo(dataDir: string): Promise<ChildProcess> {
  const app = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=react-server', 'scripts/start.ts', '--demo'],
    {
      env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (let i = 0; i < 600; i += 1) {
    if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) return app;
    if (app.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  app.kill('SIGKILL');
  throw new Error('the demo app did not start');
}

type Result = Record<string, number>;

async function audit(
  url: string,
  cookie: string,
  preset: 'mobile' | 'desktop',
  report: string | null,
): Promise<Result> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumLaunch.executablePath,
    chromeFlags: ['--headless=new', ...chromiumLaunch.args],
  });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      extraHeaders: { Cookie: cookie },
    };
    const runner = await lighthouse(
      url,
      flags,
      preset === 'desktop' ? (desktopConfig as Config) : undefined,
    );
    const lhr = runner!.lhr;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    if (report) fs.writeFileSync(report, JSON.stringify(lhr));
    // Signed out, the page would be the sign-in form: measure only what the role sees.
    if (new URL(lhr.finalDisplayedUrl).pathname.startsWith('/login'))
      throw new Error(`${url}: landed on the sign-in page`);
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const value = (a: string) => lhr.audits[a]?.numericValue ?? NaN;
    const requests =
      (
        lhr.audits['network-requests']?.details as {
          items?: { resourceType?: string; transferSize?: number }[];
        }
      )?.items ?? [];
    return {
      perf: score('performance'),
      a11y: score('accessibility'),
      bp: score('best-practices'),
      lcp_ms: Math.round(value('largest-contentful-paint')),
      tbt_ms: Math.round(value('total-blocking-time')),
      cls: Number(value('cumulative-layout-shift').toFixed(3)),
      fcp_ms: Math.round(value('first-contentful-paint')),
      bytes: Math.round(value('total-byte-weight')),
      js_bytes: requests
        .filter((r) => r.resourceType === 'Script')
        .reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
      requests: requests.length,
      dom: Math.round(value('dom-size-insight')),
    };
  } finally {
    chrome.kill();
  }
}

await runCli(async () => {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('build the app first (npm run build)');
  const only = process.env.LH_PAGES?.split(',');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kieumau-lighthouse-'));
  const app = await startDemo(dataDir);
  try {
    const cookies = new Map<string, string>();
    for (const page of pages.filter((p) => !only || only.includes(p.name))) {
      if (!cookies.has(page.email)) cookies.set(page.email, await signIn(page.email));
      const cookie = cookies.get(page.email)!;
      const url = base + (typeof page.path === 'string' ? page.path : await page.path(cookie));
      for (const preset of ['mobile', 'desktop'] as const) {
        const runs: Result[] = [];
        for (let i = 0; i < RUNS; i += 1) {
          const dir = process.env.LH_REPORT_DIR;
          const report = dir ? path.join(dir, `${page.name}-${preset}-${i + 1}.json`) : null;
          if (dir) fs.mkdirSync(dir, { recursive: true });
          runs.push(await audit(url, cookie, preset, report));
        }
        const line = Object.keys(runs[0]!)
          .map((k) => `${k}=${median(runs.map((r) => r[k]!))}`)
          .join(' ');
        console.log(`LH ${page.name} ${preset} ${line}`);
      }
    }
  } finally {
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
