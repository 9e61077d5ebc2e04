import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { mainNav, signIn } from './helpers';

/**
 * What goes over the wire from the app's own server (scripts/server.ts in front of Next.js): map
 * outlines (JSON), CSV exports, the OpenAPI document and pages compressed when the browser
 * accepts it, and a request id on every answer. Read with Node's HTTP client, which does not
 * decode, so the bytes counted are the bytes sent; each decodes to exactly what an uncompressed
 * answer carries, with its type.
 */

function get(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        })
        .on('error', reject);
    },
  );
}

test('maps, CSV exports, the API description and pages go out compressed', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'lanhdao@example.vn');
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  for (const [path, type] of [
    ['/api/maps/provinces', 'application/json'],
    ['/api/exports/provinces?format=csv&year=2026', 'text/csv'],
    ['/api/v1/openapi.json', 'application/json'],
    ['/dashboard', 'text/html'],
  ] as const) {
    const plain = await get(`${baseURL}${path}`, { cookie, 'accept-encoding': 'identity' });
    const zipped = await get(`${baseURL}${path}`, { cookie, 'accept-encoding': 'gzip' });
    expect(plain.status, path).toBe(200);
    expect(zipped.status, path).toBe(200);
    expect(plain.headers['content-encoding'], path).toBeUndefined();
    expect(zipped.headers['content-encoding'], path).toBe('gzip');
    expect(zipped.headers['content-type'], path).toContain(type);
    expect(zipped.headers.vary, path).toMatch(/accept-encoding/i);
    const decoded = gunzipSync(zipped.body);
    if (type !== 'text/html') expect(decoded.equals(plain.body), path).toBe(true);
    expect(zipped.body.length, path).toBeLessThan(plain.body.length / 2);
    console.log(`${path}: ${plain.body.length} bytes, ${zipped.body.length} gzipped`);
  }
});

test("the app's scripts go out compressed once: Brotli when the browser takes it, else gzip, cached for a year", async ({
  baseURL,
}) => {
  const html = (await get(`${baseURL}/login`, {})).body.toString('utf8');
  const scripts = [
    ...new Set([...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!)),
  ];
  expect(scripts.length).toBeGreaterThan(3);
  let plainBytes = 0;
  let brotliBytes = 0;
  for (const path of scripts) {
    const plain = await get(`${baseURL}${path}`, { 'accept-encoding': 'identity' });
    const brotli = await get(`${baseURL}${path}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    const zipped = await get(`${baseURL}${path}`, { 'accept-encoding': 'gzip, deflate' });
    for (const answer of [plain, brotli, zipped]) {
      expect(answer.status, path).toBe(200);
      expect(answer.headers['cache-control'], path).toMatch(/max-age=31536000.*immutable/);
      expect(answer.headers['content-type'], path).toMatch(/javascript/);
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
      expect(answer.headers.vary, path).toMatch(/accept-encoding/i);
    }
    expect(plain.headers['content-encoding'], path).toBeUndefined();
    expect(brotli.headers['content-encoding'], path).toBe('br');
    expect(zipped.headers['content-encoding'], path).toBe('gzip');
    expect(brotliDecompressSync(brotli.body).equals(plain.body), path).toBe(true);
    expect(gunzipSync(zipped.body).equals(plain.body), path).toBe(true);
    plainBytes += plain.body.length;
    brotliBytes += brotli.body.length;
  }
  // A file the build does not have is still Next.js's 404.
  expect((await get(`${baseURL}/_next/static/chunks/none.js`, {})).status).toBe(404);
  console.log(`sign-in scripts: ${plainBytes} bytes, ${brotliBytes} with Brotli`);
});

test('every answer carries a request id of its own; a client cannot choose it', async ({
  baseURL,
}) => {
  const ids = new Set<string>();
  for (const path of ['/login', '/api/health', '/robots.txt', '/login']) {
    const answer = await get(`${baseURL}${path}`, { 'x-request-id': 'chosen-by-the-client' });
    const id = answer.headers['x-request-id'];
    expect(id, path).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    ids.add(String(id));
  }
  expect(ids.size).toBe(4);
});

test('a page load asks the server for nothing it does not show (no prefetches); links still navigate in place', async ({
  page,
}) => {
  await signIn(page, 'admin@example.vn');
  const prefetches: string[] = [];
  const navigations: string[] = [];
  page.on('request', (request) => {
    if (!new URL(request.url()).searchParams.has('_rsc')) return;
    (request.headers()['next-router-prefetch'] ? prefetches : navigations).push(request.url());
  });
  // Pages with the navigation bar and long lists of links in view.
  for (const path of ['/dashboard', '/provinces', '/wards', '/review', '/notifications']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(prefetches).toEqual([]);
  // A click is still a client-side navigation: the document (and this mark on it) stays.
  await page.evaluate(() => Reflect.set(window, 'stillHere', true));
  await mainNav(page).locator('a[href="/reports"]').click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => Reflect.get(window, 'stillHere'))).toBe(true);
  expect(navigations.length).toBeGreaterThan(0);
  expect(prefetches).toEqual([]);
});

test('on a slow link a click shows at once that the page is on its way, and stops when it arrives', async ({
  page,
}) => {
  await signIn(page, 'thanhhoa@example.vn');
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const navigating = page.locator('html[data-navigating]');
  await expect(navigating).toHaveCount(0);
  // The next page's data takes two seconds to come, as on a weak mobile link.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.searchParams.has('_rsc'),
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await mainNav(page).locator('a[href="/wards"]').click();
  // Told at once, before anything of the next page has come: a bar across the top.
  await expect(navigating).toHaveCount(1);
  await expect(page).toHaveURL(/\/review$/);
  expect(
    await page.evaluate("getComputedStyle(document.body, '::before').getPropertyValue('position')"),
  ).toBe('fixed');
  release();
  await expect(page).toHaveURL(/\/wards$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(navigating).toHaveCount(0);
  await page.unroute((url) => url.searchParams.has('_rsc'));
  // Back on a quick link nothing is left behind: another click comes and goes.
  await mainNav(page).locator('a[href="/notifications"]').click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(navigating).toHaveCount(0);
});
