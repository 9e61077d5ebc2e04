import { expect, test, type Page } from '@playwright/test';

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
