import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from './fixtures';
import { signIn } from './helpers';

/**
 * Every page route, one address field at a time: each query parameter the page reads and each
 * dynamic segment gets values no form would send (NUL, numbers past any integer, days no
 * calendar has, control characters, very long text). A page must answer them like any other
 * visitor's mistake — its default view, "not found" or a note that part of the address was
 * ignored — never a server error, neither as a 5xx status nor as an error streamed into a page
 * that had already begun (Next answers 200 and writes the error's digest into the HTML); and a
 * "not found" with its own status, not streamed into a 200.
 */

/** What each page reads from its address; pages not listed read nothing from the query. */
const pageQueries: Record<string, string[]> = {
  '/login': ['returnTo', 'notice', 'callbackUrl'],
  '/login/verify': ['returnTo'],
  '/dashboard': ['year', 'basis', 'units'],
  '/provinces': ['q', 'on'],
  '/provinces/[code]': ['year', 'basis', 'units'],
  '/wards': ['q'],
  '/wards/[code]': ['on'],
  '/wards/[code]/[year]': ['on'],
  '/wards/[code]/[year]/print': ['on'],
  '/review': ['province', 'status', 'year', 'waiting', 'overdue', 'q', 'page', 'sort', 'dir'],
  '/assessments': ['province', 'year'],
  '/calendar': ['year'],
  '/notifications': ['page'],
  '/account/two-factor': ['required'],
  '/account/confirm': ['returnTo'],
  '/admin/users': ['q', 'role'],
  '/admin/units': ['province', 'toConfirm', 'q', 'page'],
  '/admin/audit': ['actor', 'entity', 'province', 'from', 'to', 'before'],
};

/** A real value for each dynamic segment, so the rest of the address is what is tested. */
const segmentValue = (route: string, name: string) =>
  name === 'code' ? (route.startsWith('/wards') ? '14797' : '38') : name === 'year' ? '2026' : '1';

const nasty = [
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\u202Eevil',
  '99999999999999999999',
  '2147483648',
  '-1',
  '0',
  '1e309',
  'NaN',
  '9999-99-99',
  '275760-09-13',
  '-271821-04-20',
  '0000-00-00',
  'x'.repeat(5000),
  '%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
];

/** The app's page routes, found by their files: a new page is swept too. */
function pageRoutes(): string[] {
  const root = path.resolve('app');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'page.tsx') {
        const route = path
          .relative(root, dir)
          .split(path.sep)
          .filter((s) => s && !s.startsWith('('))
          .join('/');
        out.push(`/${route}`);
      }
    }
  };
  walk(root);
  return out.sort();
}

function readsQuery(route: string): boolean {
  const file = fs
    .readdirSync(path.resolve('app'), { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep))
    .find(
      (parts) =>
        parts.at(-1) === 'page.tsx' &&
        `/${parts
          .slice(0, -1)
          .filter((s) => !s.startsWith('('))
          .join('/')}`.replace(/\/$/, '') === route.replace(/\/$/, ''),
    );
  return file
    ? fs.readFileSync(path.resolve('app', ...file), 'utf8').includes('searchParams')
    : false;
}

const fill = (route: string, override?: [string, string]) =>
  route.replace(/\[(\w+)\]/g, (_, name: string) =>
    encodeURIComponent(override?.[0] === name ? override[1] : segmentValue(route, name)),
  );

/**
 * Digests streamed into a page: an error, or a "not found" or redirect decided after the page had
 * begun. A 200 may carry none of them (a late "not found" is a 200 that says "not found", a late
 * redirect a 200 that reloads the browser a second later); a 404 page carries its own.
 */
function streamedDigests(html: string): string[] {
  return [
    ...html.matchAll(/data-dgst="([^"]*)"/g),
    ...html.matchAll(/\$RX\([^,]*,\s*"([^"]*)"/g),
  ].map((m) => m[1]!);
}

async function expectAnswered(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
  const label = `${url.slice(0, 120)}`;
  expect(response.status(), label).toBeLessThan(500);
  if (!(response.headers()['content-type'] ?? '').includes('text/html')) return;
  const digests = streamedDigests(await response.text());
  expect(
    response.status() === 200
      ? digests
      : digests.filter((d) => !/^NEXT_(HTTP_ERROR_FALLBACK;40[134]|REDIRECT|NOT_FOUND)/.test(d)),
    label,
  ).toEqual([]);
}

test('every page route answers malformed address fields without a server error', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await signIn(page, 'admin@example.vn');
  const routes = pageRoutes();
  // The list above names every page that reads its query, and only those.
  expect(
    routes.filter(readsQuery).sort(),
    'pages reading searchParams must be listed in pageQueries',
  ).toEqual(Object.keys(pageQueries).sort());
  let calls = 0;
  for (const route of routes) {
    const params = pageQueries[route] ?? [];
    const segments = [...route.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
    for (const value of nasty) {
      // One query parameter at a time, the rest of the address valid.
      for (const name of params) {
        await expectAnswered(page.request, `${fill(route)}?${name}=${encodeURIComponent(value)}`);
        calls += 1;
      }
      // One dynamic segment at a time.
      for (const name of segments) {
        await expectAnswered(page.request, fill(route, [name, value]));
        calls += 1;
      }
      // A page that reads nothing from its query ignores any.
      if (params.length === 0) {
        await expectAnswered(page.request, `${fill(route)}?page=${encodeURIComponent(value)}`);
        calls += 1;
      }
    }
  }
  console.log(`page sweep: ${calls} requests over ${routes.length} page routes`);
});
