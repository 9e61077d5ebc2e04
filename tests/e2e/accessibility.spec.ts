import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { signIn } from './helpers';

/**
 * Every page each role reaches (its navigation, plus a province, a ward, a sheet and its account
 * pages), in Vietnamese and in English, checked with axe-core against WCAG 2.1 A and AA: any
 * violation fails. The same pages must not scroll sideways on a 390 px phone.
 */
// Each test only reads: they spread over the workers rather than run in order on one.
test.describe.configure({ mode: 'parallel' });

// The account pages are one template for every role: checked once per language, as admin.
const roles = [
  {
    email: 'admin@example.vn',
    extra: [
      '/provinces/38',
      '/wards',
      '/admin/users',
      '/admin/units',
      '/account',
      '/account/password',
      '/account/two-factor',
      '/account/confirm?returnTo=%2Fadmin%2Ftokens',
    ],
  },
  {
    email: 'thanhtra@example.vn',
    extra: ['/provinces/38?category=registered', '/review', '/wards?year=2025&criterion=4'],
  },
  { email: 'thanhhoa@example.vn', extra: ['/provinces/38', '/assessments', '/imports'] },
  { email: 'phuong@example.vn', extra: [] },
  { email: 'lanhdao@example.vn', extra: ['/provinces/38'] },
];

/**
 * axe-core against WCAG 2.1 A and AA and its best practices, run inside the page (legacy mode:
 * the app has no frames, so axe's default of gathering each frame's results and merging them in a
 * second, blank page only added an injection and a page per check, two thirds of the time), and
 * asked for violations only (what passed is not collected). The test at the end shows it still
 * finds what it should.
 */
function axe(page: Page) {
  return new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ resultTypes: ['violations'] });
}

async function navigationLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('nav a[href^="/"]')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => h.split('#')[0]!).filter((h) => h && h !== '/'))];
}

/** A ward page and its latest sheet reachable from the ward list. */
async function wardPages(page: Page): Promise<string[]> {
  await page.goto('/wards');
  await page.waitForLoadState('networkidle');
  const ward = await page.locator('main table a[href^="/wards/"]').first().getAttribute('href');
  if (!ward) return [];
  await page.goto(ward);
  await page.waitForLoadState('networkidle');
  const sheet = await page
    .locator('main table a[href^="/wards/"]')
    .first()
    .getAttribute('href')
    .catch(() => null);
  return sheet ? [ward, sheet] : [ward];
}

for (const locale of ['vi', 'en'] as const)
  for (const role of roles)
    test(`${role.email} (${locale}): no accessibility violations, no sideways scroll at 390 px`, async ({
      page,
      context,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      await signIn(page, role.email);
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
      await page.goto('/');
      await page.waitForLoadState('networkidle');
      const pages = ['/', ...(await navigationLinks(page)), ...role.extra];
      pages.push(...(await wardPages(page)));
      // A budget per page, not per role: the administrator walks three times the ward's pages.
      test.setTimeout(60_000 + pages.length * 45_000);
      const seen = new Set<string>();
      const problems: string[] = [];
      let checked = 0;
      for (const path of pages) {
        if (seen.has(path)) continue;
        seen.add(path);
        await page.setViewportSize({ width: 1280, height: 900 });
        const response = await page.goto(path);
        if (!response || response.status() >= 400) continue;
        // A page reached again under another address (the start page redirects to the role's
        // home) is checked once.
        const reached = new URL(page.url());
        if (reached.pathname !== path.split('?')[0] && seen.has(reached.pathname)) continue;
        seen.add(reached.pathname);
        checked++;
        await page.waitForLoadState('networkidle');
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        // A page settles where it was loaded: one that redirected or reloaded itself after
        // streaming began (a 200 that moves on a second later) ends this check's context and fails.
        const result = await axe(page).analyze();
        for (const v of result.violations)
          problems.push(
            `${path}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
              .slice(0, 2)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
          );
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(100);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (overflow > 0) problems.push(`${path}: scrolls sideways by ${overflow}px at 390px`);
      }
      console.log(`${role.email} ${locale}: ${checked} pages checked`);
      expect(problems, problems.join('\n')).toEqual([]);
    });

test('the app has its icon (a favicon and an SVG icon, linked from every page) and its robots.txt', async ({
  page,
  request,
}) => {
  for (const [path, type] of [
    ['/favicon.ico', 'image/x-icon'],
    ['/icon.svg', 'image/svg+xml'],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type']).toContain(type);
  }
  await page.goto('/login');
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  // An internal tool: robots are asked to index nothing (before, /robots.txt sent them to sign in).
  const robots = await request.get('/robots.txt', { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-Agent: \*\s+Disallow: \//i);
});

test('signed-out pages: sign-in and a handover link that no longer works have no violations', async ({
  page,
}) => {
  for (const path of ['/login', `/handover/${'A'.repeat(43)}`]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const result = await axe(page).analyze();
    expect(
      result.violations.map((v) => `${path}: ${v.id}`),
      path,
    ).toEqual([]);
  }
  await expect(page.getByRole('heading', { name: 'Liên kết không còn dùng được' })).toBeVisible();
});

test('the check finds what it should: an unnamed image, a low-contrast line, an unlabelled field', async ({
  page,
}) => {
  await page.goto('/login');
  await page.waitForLoadState('networkidle');
  expect((await axe(page).analyze()).violations).toEqual([]);
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML(
      'beforeend',
      '<img src="/icon.svg"><p style="color:#ccc;background:#fff">Mờ quá</p><input type="text">',
    );
  });
  const found = (await axe(page).analyze()).violations.map((v) => v.id).sort();
  expect(found).toEqual(expect.arrayContaining(['color-contrast', 'image-alt', 'label']));
});
