import { expect, test } from './fixtures';
import { mainNav, signIn, useHandoverLink } from './helpers';

const ministry = [
  'Tổng quan',
  'Tỉnh/Thành',
  'Phường',
  'Xét duyệt',
  'Lịch',
  'Báo cáo',
  'Thông báo',
  'Quản trị',
];
const province = [
  'Tổng quan',
  'Tỉnh/Thành',
  'Phường',
  'Đăng ký',
  'Xét duyệt',
  'Lịch',
  'Báo cáo',
  'Thông báo',
  'Quản trị',
];
const expectedNav: Record<string, string[]> = {
  'admin@example.vn': province,
  'thanhtra@example.vn': ministry,
  'thanhhoa@example.vn': province,
  'nghean@example.vn': province,
  'hcm@example.vn': province,
  'phuong@example.vn': ['Phường', 'Lịch', 'Thông báo'],
  'lanhdao@example.vn': ['Tổng quan', 'Tỉnh/Thành', 'Phường', 'Lịch', 'Báo cáo', 'Thông báo'],
};

test.describe('signing in', () => {
  for (const [email, items] of Object.entries(expectedNav)) {
    test(`${email} signs in and sees only the navigation its role allows`, async ({ page }) => {
      await signIn(page, email);
      // The review and notification links may carry a count.
      await expect(mainNav(page).getByRole('link')).toHaveText(
        items.map((i) => new RegExp(`^${i}`)),
      );
    });
  }

  test('signing in goes straight to the role’s home, with and without JavaScript: no stop at "/"', async ({
    browser,
  }) => {
    const homes = [
      ['lanhdao@example.vn', /\/dashboard$/],
      ['thanhhoa@example.vn', /\/provinces\/38$/],
      ['phuong@example.vn', /\/wards\/\d{5}$/],
    ] as const;
    for (const javaScriptEnabled of [true, false]) {
      for (const [email, home] of homes) {
        const context = await browser.newContext({ javaScriptEnabled });
        const page = await context.newPage();
        await page.goto('/login');
        const visited: string[] = [];
        page.on('request', (r) => visited.push(new URL(r.url()).pathname));
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Mật khẩu').fill('KieuMau@2025');
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
        await expect(page).toHaveURL(home);
        await expect(mainNav(page)).toBeVisible();
        // Without JavaScript a stop at "/" was one more round trip before the home page.
        expect(visited, `${email}, JavaScript ${javaScriptEnabled}`).not.toContain('/');
        await context.close();
      }
    }
  });

  test('a wrong password gets one generic message and stays on the form', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('thanhhoa@example.vn');
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByText('Email hoặc mật khẩu không đúng.')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'lanhdao@example.vn');
    await page.goto('/provinces');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
    await page.goto('/provinces');
    await expect(page).toHaveURL(/\/login/);
  });

  test('pages outside a role are not found, and a signed-out visitor is sent to sign in', async ({
    page,
  }) => {
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/login\?returnTo=%2Fadmin%2Fusers/);
    await signIn(page, 'lanhdao@example.vn');
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
  });

  test('the pages that stream their figures still answer a real status: a redirect, a 404', async ({
    page,
  }) => {
    await signIn(page, 'thanhhoa@example.vn');
    // Signing in lands on the officer's own province, in one step.
    await expect(page).toHaveURL(/\/provinces\/38$/);
    // The national dashboard sends them there with a redirect, keeping what the address asked.
    const moved = await page.request.get('/dashboard?year=2025&basis=official', {
      maxRedirects: 0,
    });
    expect(moved.status()).toBe(307);
    expect(moved.headers()['location']).toMatch(/\/provinces\/38\?year=2025&basis=official$/);
    // Another province, and one that does not exist, are not found: a 404, not a 200 that says so.
    for (const path of ['/provinces/01', '/provinces/99', '/provinces/abc']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
    }
    // Its own province still streams: the title first, then the figures.
    const own = await page.goto('/provinces/38');
    expect(own?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Tỉnh Thanh Hoá' })).toBeVisible();
    await expect(page.getByTestId('verdict')).toBeVisible();
  });

  test('every response carries the security headers', async ({ request }) => {
    const response = await request.get('/login');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});

test.describe('administration in the browser', () => {
  test('an administrator creates an account; its holder sets the password through a one-time link; the audit trail shows both', async ({
    page,
    browser,
  }) => {
    await signIn(page, 'admin@example.vn');
    await page.goto('/admin/users');
    const email = `canbo-${Date.now()}@example.vn`;
    const create = page.getByRole('region', { name: 'Tạo tài khoản mới' });
    await create.getByLabel('Email').fill(email);
    await create.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await create.getByLabel('Vai trò').selectOption('PROVINCE');
    await create.getByLabel('Mã tỉnh (2 số)').selectOption('38');
    await create.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect(page.getByRole('rowheader', { name: email })).toBeVisible();

    const other = await browser.newContext();
    const newcomer = await other.newPage();
    await useHandoverLink(create, newcomer, 'ThanhHoa2026x');
    await signIn(newcomer, email, 'ThanhHoa2026x');
    // A provincial officer lands on their province.
    await newcomer.goto('/');
    await expect(newcomer).toHaveURL(/\/provinces\/38/);
    await expect(newcomer.getByRole('heading', { level: 1, name: 'Tỉnh Thanh Hoá' })).toBeVisible();
    await other.close();

    await page.goto(`/admin/audit?actor=${encodeURIComponent(email)}`);
    await expect(
      page.getByRole('cell', { name: 'Đặt mật khẩu qua liên kết bàn giao', exact: true }),
    ).toBeVisible();
    await page.goto('/admin/audit?entity=user');
    await expect(
      page.getByRole('cell', { name: 'Tạo tài khoản', exact: true }).first(),
    ).toBeVisible();
  });

  test('a provincial officer sees only its province', async ({ page }) => {
    await signIn(page, 'thanhhoa@example.vn');
    await page.goto('/provinces');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
    await expect(page.getByRole('rowheader', { name: 'Tỉnh Thanh Hoá' })).toBeVisible();
  });
});
