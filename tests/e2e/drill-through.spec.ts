import { expect, test } from './fixtures';
import { signIn } from './helpers';

/**
 * From a figure to the wards behind it: a criterion bar and a map legend entry open the ward list
 * filtered to them, as many wards as the figure says; every control's state is in the address, so
 * a copied link restores the view, and a narrower user opening it sees only their own province.
 */

const count = async (page: import('@playwright/test').Page) =>
  Number(await page.locator('[data-ward-count]').getAttribute('data-ward-count'));

/** The wards a list shows, by the code in each row's link. */
const listedCodes = (page: import('@playwright/test').Page) =>
  page
    .locator('[data-table="wards"] tbody th a')
    .evaluateAll((links) =>
      links.map((a) => /\/wards\/(\d{5})/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''),
    );

test('a criterion bar opens the wards not meeting it, nationally and in a province', async ({
  page,
}) => {
  await signIn(page, 'thanhtra@example.vn');
  await page.goto('/dashboard?year=2025');
  const bar = page.locator('a[data-drill="criterion"]').first();
  // "4. Trụ sở …: 90,8% (217/239) · xem 22 phường chưa đạt": the unfilled part, in wards.
  const label = (await bar.locator('title').textContent())!;
  const expected = Number(/(\d+) phường chưa đạt/.exec(label)![1]);
  const criterion = label.split('.')[0]!;
  await bar.click();
  await expect(page).toHaveURL(new RegExp(`/wards\\?.*criterion=${criterion}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2025');
  expect(await count(page)).toBe(expected);
  await expect(page.getByLabel('Chưa đạt tiêu chí')).toHaveValue(criterion);
  // Each listed ward's sheet says it does not meet that criterion: the first one, checked.
  const rows = page.locator('[data-table="wards"] tbody tr');
  expect(await rows.count()).toBe(Math.min(expected, 50));

  // The same in a province: the bar lands on the province's own ward table.
  await page.goto('/provinces/79?year=2025');
  const provinceBar = page.locator('a[data-drill="criterion"]').first();
  const provinceLabel = (await provinceBar.locator('title').textContent())!;
  await provinceBar.click();
  await expect(page).toHaveURL(/\/provinces\/79\?.*criterion=\d+.*#wards-title/);
  expect(await count(page)).toBe(Number(/(\d+) phường chưa đạt/.exec(provinceLabel)![1]));
});

test('a map legend entry opens the wards it counts', async ({ page }) => {
  await signIn(page, 'hcm@example.vn');
  await page.goto('/provinces/79?year=2025');
  const entries = page.locator('[data-map="province-map"] a[data-drill="legend"]');
  expect(await entries.count()).toBeGreaterThan(1);
  for (const i of [0, 1]) {
    const entry = entries.nth(i);
    const text = (await entry.textContent())!;
    const expected = Number(/\((\d+)\)/.exec(text)![1]);
    const href = (await entry.getAttribute('href'))!;
    await entry.click();
    await expect(page).toHaveURL(new RegExp(`category=${/category=(\w+)/.exec(href)![1]}`));
    expect(await count(page)).toBe(expected);
    // The map draws the listed wards in the entry's colour (the ones on this page of the list).
    const category = /category=(\w+)/.exec(href)![1]!;
    for (const code of (await listedCodes(page)).slice(0, 10))
      await expect(
        page.locator(`[data-map="province-map"] path[data-code="${code}"]`),
      ).toHaveAttribute('data-category', category);
    await page.goBack();
  }
});

test('a copied link restores the view; a narrower user opening it sees only their scope', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'thanhtra@example.vn');
  // The province table's order is in the address too.
  await page.goto('/dashboard?year=2025');
  const provinces = page.locator('[data-table="provinces"]');
  await provinces.getByRole('link', { name: /Tỉnh\/Thành/ }).click();
  await expect(page).toHaveURL(/psort=name&pdir=asc/);
  const order = await provinces.locator('tbody th').allTextContents();
  await page.reload();
  expect(await provinces.locator('tbody th').allTextContents()).toEqual(order);
  // Another year keeps the order.
  await page.getByLabel('Năm', { exact: true }).selectOption('2026');
  await expect(page).toHaveURL(/year=2026/);
  await expect(page).toHaveURL(/psort=name&pdir=asc/);

  // A filtered, sorted list, copied with its button.
  await page.goto('/dashboard?year=2025');
  await page.locator('a[data-drill="near-misses"]').click();
  await expect(page).toHaveURL(/\/wards\?.*category=short/);
  await page.getByLabel('Tình trạng').selectOption('notRegistered');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.getByRole('link', { name: /Tiêu chí đạt/ }).click();
  await expect(page).toHaveURL(/category=notRegistered.*sort=met/);
  const shown = await listedCodes(page);
  expect(shown.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Chép liên kết' }).click();
  await expect(page.getByRole('button', { name: 'Đã chép' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  const all = await count(page);

  const again = await browser.newContext();
  const other = await again.newPage();
  await signIn(other, 'thanhtra@example.vn');
  await other.goto(link);
  expect(await listedCodes(other)).toEqual(shown);
  await expect(other.getByLabel('Tình trạng')).toHaveValue('notRegistered');
  await again.close();

  // Nghệ An's officer opening the national link sees Nghệ An's wards only.
  await page.goto(`${link}&province=40`);
  const ngheAnOnly = await listedCodes(page);
  const narrow = await browser.newContext();
  const officer = await narrow.newPage();
  await signIn(officer, 'nghean@example.vn');
  await officer.goto(link);
  expect(await listedCodes(officer)).toEqual(ngheAnOnly);
  expect(await count(officer)).toBeLessThan(all);
  // Another province by name in the link: nothing of it.
  await officer.goto(`${link}&province=79`);
  expect(await count(officer)).toBe(0);
  await narrow.close();
});
