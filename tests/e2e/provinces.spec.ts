import { expect, test } from './fixtures';
import { signIn } from './helpers';

test.beforeEach(async ({ page }) => {
  await signIn(page, 'thanhtra@example.vn');
});

test.describe('provinces page', () => {
  test('lists the 34 provinces and finds Thanh Hóa from "thanh hoa"', async ({ page }) => {
    await page.goto('/provinces');
    await expect(page.getByRole('heading', { level: 1, name: 'Tỉnh, thành phố' })).toBeVisible();
    await expect(
      page.getByText(
        /^34 tỉnh, thành phố tại ngày .*: 3\.321 đơn vị cấp xã, trong đó 697 phường\.$/,
      ),
    ).toBeVisible();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(35);

    const search = page.getByRole('searchbox', { name: 'Tìm tỉnh, thành phố' });
    await search.fill('thanh hoa');
    const table = page.getByRole('table');
    await expect(table.getByRole('rowheader', { name: 'Tỉnh Thanh Hoá' })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(2); // header + Thanh Hóa
    await expect(table.getByRole('row').nth(1)).toContainText('38');

    // The other tone-mark placement finds the same province.
    await search.fill('Thanh Hóa');
    await expect(table.getByRole('rowheader', { name: 'Tỉnh Thanh Hoá' })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(2);
  });

  test('shows the 63 former provinces on a date before the merger', async ({ page }) => {
    await page.goto('/provinces?on=2025-06-30');
    await expect(
      page.getByText(
        '63 tỉnh, thành phố tại ngày 30/06/2025: 10.035 đơn vị cấp xã, trong đó 1.726 phường.',
      ),
    ).toBeVisible();
    const bacKan = page.getByRole('row', { name: /Tỉnh Bắc Kạn/ });
    await expect(bacKan).toContainText('Thái Nguyên');
  });

  test('finds a former ward without diacritics and shows what it became', async ({ page }) => {
    await page.goto('/wards?q=an%20hung');
    const anHung = page.getByRole('row', { name: /Phường An Hưng .*Thành phố Thanh Hóa/ });
    await expect(anHung).toContainText('Phường Hạc Thành (một phần), Phường Đông Quang');
    await anHung.getByRole('link', { name: 'Phường An Hưng' }).click();
    await expect(page).toHaveURL(/\/wards\/16435\?on=2025-06-30/);
    await expect(page.getByTestId('successors')).toContainText(
      'Kết quả của đơn vị này được tính cho Phường Đông Quang',
    );
    await page.getByRole('link', { name: 'Phường Hạc Thành' }).click();
    await expect(page.getByTestId('predecessors')).toContainText(
      'Phường An Hưng (một phần; tính tại Phường Đông Quang)',
    );
  });

  test('search works without JavaScript through the form', async ({ page, browser }) => {
    // Sign in with JavaScript, then reuse the session in a context without it.
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
    });
    const noJs = await context.newPage();
    await noJs.goto('/provinces');
    await noJs.getByRole('searchbox', { name: 'Tìm tỉnh, thành phố' }).fill('ha noi');
    await noJs.getByRole('button', { name: 'Tìm' }).click();
    await expect(noJs).toHaveURL(/q=ha\+noi/);
    await expect(noJs.getByRole('rowheader', { name: 'Thành phố Hà Nội' })).toBeVisible();
    await context.close();
  });

  test('switches to English and back', async ({ page }) => {
    await page.goto('/provinces');
    await page.getByRole('button', { name: 'Chuyển sang English' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Provinces and cities' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Switch to Tiếng Việt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tỉnh, thành phố' })).toBeVisible();
  });

  test('the health endpoint reports the embedded database', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite' });
  });
});
