import { spawn } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { METRICS } from '../../playwright.multi.config';

const A = 'http://127.0.0.1:3301';
const B = 'http://127.0.0.1:3302';
const PASSWORD = 'KieuMau@2025';

async function signIn(page: Page, base: string, email: string, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('a session made on one instance is valid on the other', async ({ page }) => {
  await signIn(page, A, 'lanhdao@example.vn');
  await expect(page).toHaveURL(`${A}/dashboard`);
  // Cookies are per host, not per port: the same session cookie goes to instance B.
  await page.goto(`${B}/dashboard`);
  await expect(page).toHaveURL(`${B}/dashboard`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan toàn quốc' })).toBeVisible();
});

test('sign-in lockouts are shared: failures on A lock the account on B', async ({ page }) => {
  for (let i = 0; i < 5; i += 1) {
    await signIn(page, A, 'nghean@example.vn', `wrong-${i}`);
    await expect(
      page.getByText(/Email hoặc mật khẩu không đúng|Đăng nhập sai quá nhiều lần/),
    ).toBeVisible();
  }
  await signIn(page, B, 'nghean@example.vn');
  await expect(page.getByText(/Đăng nhập sai quá nhiều lần/)).toBeVisible();
});

test('a save on one instance shows on the other', async ({ page }) => {
  await signIn(page, A, 'thanhhoa@example.vn');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${A}/wards?q=quang%20phu`);
  const href = await page
    .getByRole('link', { name: 'Phường Quảng Phú', exact: true })
    .first() // today's ward; the former Phường Quảng Phú (until 30/6/2025) follows it
    .getAttribute('href');
  const sheet = `${href}/2026`;
  await page.goto(`${A}${sheet}`);
  const note = `Lưu trên máy A lúc ${Date.now()}`;
  const row = page.getByRole('listitem', { name: /^17\./ });
  await row.getByLabel('Ghi chú').fill(note);
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(row.getByText('Đã lưu.')).toBeVisible();
  await page.goto(`${B}${sheet}`);
  await expect(page.getByRole('listitem', { name: /^17\./ }).getByLabel('Ghi chú')).toHaveValue(
    note,
  );
});

test('signing out on one instance ends the session on the other', async ({ page, browser }) => {
  await signIn(page, A, 'lanhdao@example.vn');
  await expect(page).toHaveURL(`${A}/dashboard`);
  const copied = await page.context().cookies();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login\?notice=signedOut/);
  const other = await browser.newContext();
  await other.addCookies(copied);
  const onB = await other.newPage();
  await onB.goto(`${B}/dashboard`);
  await expect(onB).toHaveURL(/\/login/);
  await other.close();
});

test('metrics: with the token only, the processes of an instance added up', async ({
  page,
  request,
}) => {
  const scrape = (port: number, token?: string) =>
    request.get(`http://127.0.0.1:${port}/metrics`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  expect((await scrape(METRICS.A)).status()).toBe(401);
  expect((await scrape(METRICS.A, 'wrong-token-wrong-token')).status()).toBe(401);
  expect((await scrape(METRICS.B)).status()).toBe(200);
  expect((await request.get(`http://127.0.0.1:${METRICS.B}/other`)).status()).toBe(404);

  // Each instance runs a process per core; the scrape answers the sum of them all.
  const count = async () => {
    const text = await (await scrape(METRICS.A, METRICS.token)).text();
    const line = text
      .split('\n')
      .find((l) =>
        l.startsWith('http_requests_total{method="GET",route="/api/health",status="200"}'),
      );
    return Number(line?.split(' ').at(-1) ?? 0);
  };
  const before = await count();
  await Promise.all(Array.from({ length: 30 }, () => request.get(`${A}/api/health`)));
  expect(await count()).toBeGreaterThanOrEqual(before + 30);

  await signIn(page, A, 'lanhdao@example.vn');
  await page.goto(`${A}/wards/16531/2026`);
  const answer = await scrape(METRICS.A, METRICS.token);
  expect(answer.headers()['content-type']).toContain('text/plain');
  const text = await answer.text();
  for (const expected of [
    /^http_requests_total\{method="GET",route="\/dashboard",status="200"\} [1-9]/m,
    /^http_request_duration_seconds_count\{method="GET",route="\/wards\/:n\/:n"\} [1-9]/m,
    // Summed over the processes: 10 connections each at most (DATABASE_POOL_SIZE).
    /^db_pool_connections\{state="max"\} [1-9]0$/m,
    /^db_pool_connections\{state="waiting"\} \d+$/m,
    /^mail_outbox_pending \d+$/m,
    /^mail_outbox_oldest_pending_seconds [\d.]+$/m,
    /^process_resident_memory_bytes \d+/m,
    /^nodejs_eventloop_lag_seconds [\d.e-]+$/m,
  ])
    expect(text).toMatch(expected);
  // The background work's first run comes a few seconds after start.
  await expect
    .poll(
      async () => {
        const line = (await (await scrape(METRICS.A, METRICS.token)).text())
          .split('\n')
          .find((l) => l.startsWith('background_last_success_timestamp_seconds '));
        return Number(line?.split(' ')[1] ?? 0);
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(Date.now() / 1000 - 120);
});

test('a graceful stop: the health check drains first, every request under way is answered, then it exits', async ({
  request,
}) => {
  test.setTimeout(180_000);
  const port = 3303;
  const C = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.MULTI_DATABASE_URL,
      NEXTAUTH_SECRET: process.env.MULTI_SECRET,
      NODE_ENV: 'production',
      PORT: String(port),
      WEB_CONCURRENCY: '1',
      SHUTDOWN_GRACE_SECONDS: '3',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  server.stdout.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  await expect
    .poll(
      () =>
        request.get(`${C}/api/health`).then(
          (r) => r.status(),
          () => 0,
        ),
      { timeout: 90_000 },
    )
    .toBe(200);

  // A load under way: 40 pages asked for at once, most still queued when the stop comes.
  const started = Date.now();
  const load = Array.from({ length: 40 }, () => fetch(`${C}/login`).then((r) => r.status));
  await new Promise((r) => setTimeout(r, 50));
  server.kill('SIGTERM');
  // Within the grace period the instance still answers, but its health check says "draining".
  const health = await fetch(`${C}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ status: 'draining' });
  expect((await fetch(`${C}/login`)).status).toBe(200);

  expect(await Promise.all(load)).toEqual(Array(40).fill(200));
  expect(await exited).toBe(0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  const events = lines
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg: string; path?: string });
  expect(events.map((e) => e.msg)).toEqual(expect.arrayContaining(['draining', 'stopped']));
  expect(events.filter((e) => e.msg === 'request' && e.path === '/login').length).toBe(41);
  // Stopped: no new connection is taken.
  await expect(fetch(`${C}/api/health`)).rejects.toThrow();
});
