import http from 'node:http';
import { expect, test, type Page } from './fixtures';
import { base32Decode, totpAt } from '../../lib/domain/totp';
import { signIn, useHandoverLink } from './helpers';

test.describe('signing in and out, as an attacker would try it', () => {
  test('the form signs in without JavaScript, by POST: the password never appears in a URL', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto('/login');
    await page.getByLabel('Email').fill('lanhdao@example.vn');
    await page.getByLabel('Mật khẩu').fill('KieuMau@2025');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    expect(urls.filter((u) => /password|KieuMau/i.test(u))).toEqual([]);
    await context.close();
  });

  test('a return path to another site sends the user home instead, signing in or already signed in', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/login?callbackUrl=%2F%09%2Fevil.example');
    await page.getByLabel('Email').fill('lanhdao@example.vn');
    await page.getByLabel('Mật khẩu').fill('KieuMau@2025');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await page.goto('/login?returnTo=%2F%09%2Fevil.example');
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await page.goto('/login?returnTo=%2F%2Fevil.example');
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });

  test('after sign-out a copied session cookie opens nothing', async ({ page, browser }) => {
    await signIn(page, 'lanhdao@example.vn');
    const copied = await page.context().cookies();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(/\/login\?notice=signedOut/);
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto('/dashboard');
    await expect(stolen).toHaveURL(/\/login/);
    await thief.close();
  });

  test('a client cannot pick its address: rotating X-Forwarded-For does not get around the lock', async ({
    page,
  }) => {
    const email = `nobody-${Date.now()}@example.vn`;
    for (let i = 0; i < 5; i += 1) {
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${i + 1}` });
      await page.goto('/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Mật khẩu').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(
        page.getByText(/Email hoặc mật khẩu không đúng|Đăng nhập sai quá nhiều lần/),
      ).toBeVisible();
    }
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.77' });
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill('wrong-again');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByText(/Đăng nhập sai quá nhiều lần/)).toBeVisible();
  });

  test('a large body without a session is refused before it is read', async ({ baseURL }) => {
    expect(await announceLargeBody(`${baseURL}/login`)).toBe(413);
  });

  test('an ended session’s cookie no longer opens the large-body gate', async ({
    page,
    request,
    baseURL,
  }) => {
    await signIn(page, 'lanhdao@example.vn');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    // The evidence upload takes large bodies: what answers is the gate, or the route itself.
    const post = () =>
      request.post('/api/uploads/evidence', {
        data: Buffer.alloc(2 * 1024 * 1024, 97),
        headers: { 'content-type': 'application/octet-stream', cookie },
      });
    // Live: the body is let through to the route (which refuses it for its own reasons).
    expect((await post()).status()).not.toBe(413);
    await page.getByRole('button', { name: 'Đăng xuất' }).first().click();
    await expect(page).toHaveURL(/\/login/);
    // The same cookie still decrypts, but its session has ended: refused before it is read.
    expect(await announceLargeBody(`${baseURL}/api/uploads/evidence`, cookie)).toBe(413);
  });

  test('a demo installation says so on every page', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('note')).toContainText('Bản dùng thử');
    await signIn(page, 'lanhdao@example.vn');
    await expect(page.getByRole('note')).toContainText('Bản dùng thử');
  });
});

/** A Thanh Hóa officer's sheet for Ngọc Sơn, 2026, with one criterion's evidence form open. */
async function openEvidenceForm(page: Page, criterion: number) {
  await signIn(page, 'thanhhoa@example.vn');
  await page.goto('/wards?q=ngoc%20son');
  await page.getByRole('link', { name: 'Phường Ngọc Sơn', exact: true }).click();
  await page.getByRole('link', { name: 'Mở phiếu năm 2026' }).click();
  const row = page.getByRole('listitem', { name: new RegExp(`^${criterion}\\.`) });
  await row.getByText('Thêm minh chứng').click();
  return row;
}

test('evidence of 15 MB uploads; one over the limit is refused with a message and the typed title stays', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const row = await openEvidenceForm(page, 17);
  const pdf = (mb: number) =>
    Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(mb * 1024 * 1024, 32)]);
  await row.getByLabel('Tiêu đề').fill('Biên bản quá lớn');
  await row
    .getByLabel(/Tệp/)
    .setInputFiles({ name: 'lon.pdf', mimeType: 'application/pdf', buffer: pdf(25) });
  await row.getByRole('button', { name: 'Thêm' }).click();
  await expect(row.getByText(/Tệp quá lớn: tối đa 20 MB/)).toBeVisible();
  await expect(row.getByLabel('Tiêu đề')).toHaveValue('Biên bản quá lớn');

  await row.getByLabel('Tiêu đề').fill('Biên bản 15 MB');
  await row
    .getByLabel(/Tệp/)
    .setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: pdf(15) });
  await row.getByRole('button', { name: 'Thêm' }).click();
  await expect(row.getByText('Đã thêm minh chứng.')).toBeVisible({ timeout: 60_000 });
  await expect(row.getByRole('link', { name: 'Biên bản 15 MB' })).toBeVisible();
});

test('an upload the network drops answers a message and keeps what was typed', async ({ page }) => {
  const row = await openEvidenceForm(page, 16);
  await page.route('**/api/uploads/evidence', (route) => route.abort('connectionreset'));
  await row.getByLabel('Tiêu đề').fill('Biên bản mất mạng');
  await row.getByLabel(/Tệp/).setInputFiles({
    name: 'bien-ban.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await row.getByRole('button', { name: 'Thêm' }).click();
  await expect(
    row.getByText(/Không gửi được minh chứng: không kết nối được máy chủ/),
  ).toBeVisible();
  await expect(row.getByLabel('Tiêu đề')).toHaveValue('Biên bản mất mạng');
  await expect(row.getByRole('link', { name: 'Biên bản mất mạng' })).toHaveCount(0);
  // The chosen file stays in the field: "Thêm" again sends it once the network is back.
  const chosen = () =>
    row
      .getByLabel(/Tệp/)
      .evaluate((i: HTMLInputElement) => [...(i.files ?? [])].map((f) => f.name));
  expect(await chosen()).toEqual(['bien-ban.pdf']);
  // A server that fails says so, with its code, and keeps the file too.
  await page.unroute('**/api/uploads/evidence');
  await page.route('**/api/uploads/evidence', (route) =>
    route.fulfill({ status: 502, body: 'Bad Gateway' }),
  );
  await row.getByRole('button', { name: 'Thêm' }).click();
  await expect(row.getByText(/Máy chủ không lưu được minh chứng \(mã 502\)/)).toBeVisible();
  expect(await chosen()).toEqual(['bien-ban.pdf']);
  await page.unroute('**/api/uploads/evidence');
  await row.getByRole('button', { name: 'Thêm' }).click();
  await expect(row.getByRole('link', { name: 'Biên bản mất mạng' })).toBeVisible();
});

test('two-factor sign-in: enrol with the QR code’s key, then every sign-in asks for a code', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin@example.vn');
  await page.goto('/admin/users');
  const email = `hai-lop-${Date.now()}@example.vn`;
  const create = page.getByRole('region', { name: 'Tạo tài khoản mới' });
  await create.getByLabel('Email').fill(email);
  await create.getByLabel('Họ và tên').fill('Lê Văn Hai');
  await create.getByLabel('Vai trò').selectOption('PROVINCE');
  await create.getByLabel('Mã tỉnh (2 số)').selectOption('38');
  await create.getByRole('button', { name: 'Tạo tài khoản' }).click();

  const context = await browser.newContext();
  const user = await context.newPage();
  await useHandoverLink(create, user, 'HaiLop2026xx');
  await signIn(user, email, 'HaiLop2026xx');
  await user.goto('/account/two-factor');
  await user.getByRole('button', { name: 'Thiết lập xác thực hai lớp' }).click();
  await expect(user.getByRole('img', { name: /Mã QR/ })).toBeVisible();
  const secret = base32Decode((await user.getByTestId('totp-secret').textContent())!);
  await user.getByLabel('Mã 6 số từ ứng dụng').fill(totpAt(secret, Date.now()));
  await user.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(user.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);

  await user.goto('/dashboard');
  await user.getByRole('button', { name: 'Đăng xuất' }).click();
  await user.getByLabel('Email').fill(email);
  await user.getByLabel('Mật khẩu').fill('HaiLop2026xx');
  await user.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(user).toHaveURL(/\/login\/verify/);
  await user.goto('/dashboard'); // the password alone opens nothing
  await expect(user).toHaveURL(/\/login\/verify/);
  await user.getByLabel('Mã xác thực').fill('000000');
  await user.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(user.getByText(/Mã không đúng/)).toBeVisible();
  await user.getByLabel('Mã xác thực').fill(totpAt(secret, Date.now() + 30_000));
  await user.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(user).not.toHaveURL(/\/login/);
  await context.close();

  await page.goto(`/admin/audit?actor=${encodeURIComponent(email)}`);
  await expect(
    page.getByRole('cell', { name: 'Bật xác thực hai bước', exact: true }),
  ).toBeVisible();
});

/**
 * Announces a 2 MB body but sends only its first kilobyte, and returns the status that answers.
 * A gate that refuses before reading answers at once; one that reads would wait for the rest and
 * never answer (the test then times out). Sending the whole body would race the gate's close.
 */
function announceLargeBody(url: string, cookie?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(2 * 1024 * 1024),
        ...(cookie ? { cookie } : {}),
      },
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on('error', reject);
    request.write(Buffer.alloc(1024, 97));
  });
}

test('a save the network drops keeps the input and saves on retry; figures read and shown the Vietnamese way', async ({
  page,
}) => {
  const row = await openEvidenceForm(page, 13);
  const figure = row.getByLabel('Số liệu', { exact: true });
  const save = row.getByRole('button', { name: 'Lưu', exact: true });

  // Could be one or one thousand: refused beside the field, nothing saved.
  await figure.fill('1,000');
  await save.click();
  await expect(row.getByRole('alert')).toHaveText('Vui lòng sửa các trường được đánh dấu.');
  await expect(figure).toHaveAccessibleDescription(
    /“1,000” có thể hiểu hai cách: 1.000 .* hoặc 1\./,
  );

  // The connection drops on "Lưu": the sheet stays, the typed note too, and a retry saves.
  await figure.fill('1.000');
  await row.getByLabel('Ghi chú').fill('Số liệu cả năm');
  const drop = (route: import('@playwright/test').Route) =>
    route.request().method() === 'POST' && route.request().headers()['next-action']
      ? route.abort('connectionreset')
      : route.continue();
  await page.route('**/wards/**', drop);
  await save.click();
  await expect(row.getByRole('alert')).toContainText('Chưa lưu được');
  await expect(row.getByLabel('Ghi chú')).toHaveValue('Số liệu cả năm');
  await expect(figure).toHaveValue('1.000');
  await page.unroute('**/wards/**', drop);
  await save.click();
  await expect(row.getByText('Đã lưu.')).toBeVisible();

  // One thousand, kept as such: shown back grouped after a reload.
  await page.reload();
  const again = page.getByRole('listitem', { name: /^13\./ });
  await expect(again.getByLabel('Số liệu', { exact: true })).toHaveValue('1.000');
  await expect(again.getByLabel('Ghi chú')).toHaveValue('Số liệu cả năm');
});

test('an inspector opens a PDF and an image in the viewer beside the criterion; its link still downloads', async ({
  page,
}) => {
  const row = await openEvidenceForm(page, 15);
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  const files = [
    {
      title: 'Biên bản xem được',
      name: 'bien-ban.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    },
    { title: 'Ảnh hiện trường', name: 'anh.png', mimeType: 'image/png', buffer: png },
  ];
  for (const { title, ...file } of files) {
    if (!(await row.getByLabel('Tiêu đề').isVisible()))
      await row.getByText('Thêm minh chứng').click();
    await row.getByLabel('Tiêu đề').fill(title);
    await row.getByLabel(/Tệp/).setInputFiles(file);
    await row.getByRole('button', { name: 'Thêm' }).click();
    await expect(row.getByRole('link', { name: title })).toBeVisible();
  }

  // The PDF opens framed in the sheet, served inline under a policy the sheet may frame.
  const pdfItem = row.getByRole('listitem').filter({ hasText: 'Biên bản xem được' });
  const [pdf] = await Promise.all([
    page.waitForResponse((r) => /\/api\/evidence\/\d+\?view=1$/.test(r.url())),
    pdfItem.getByRole('button', { name: 'Xem' }).click(),
  ]);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toMatch(/^inline;/);
  expect(pdf.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(pdf.headers()['x-frame-options']).toBe('SAMEORIGIN');
  await expect(pdfItem.locator('iframe[title="Biên bản xem được"]')).toBeVisible();
  await pdfItem.getByRole('button', { name: 'Đóng' }).click();
  await expect(pdfItem.locator('iframe')).toHaveCount(0);

  // The image shows its small preview in the list (the PDF none), and is drawn whole in the
  // viewer; the plain link still downloads.
  const imageItem = row.getByRole('listitem').filter({ hasText: 'Ảnh hiện trường' });
  const preview = imageItem.locator('img[src$="/thumbnail"]');
  await expect
    .poll(() => preview.evaluate((i: HTMLImageElement) => (i.complete ? i.naturalWidth : 0)))
    .toBe(1);
  await expect(pdfItem.locator('img[src$="/thumbnail"]')).toHaveCount(0);
  await imageItem.getByRole('button', { name: 'Xem' }).click();
  const image = imageItem.getByRole('img', { name: 'Ảnh hiện trường' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(1);
  const download = await page.request.get(
    (await imageItem.getByRole('link', { name: 'Ảnh hiện trường' }).getAttribute('href'))!,
  );
  expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
});

test('before submitting, the sheet names the criteria without evidence, the same ones its rows mark', async ({
  page,
}) => {
  await openEvidenceForm(page, 14);
  const rows = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  const marked: number[] = [];
  for (const row of await rows.all())
    if (await row.getByText('Chưa có minh chứng', { exact: true }).count())
      marked.push(Number((await row.getByRole('heading', { level: 3 }).innerText()).split('.')[0]));
  expect(marked.length).toBeGreaterThan(0);
  const note = page.getByTestId('evidence-note-submit');
  await expect(note).toContainText(`${marked.length} tiêu chí chưa có minh chứng:`);
  expect(await note.getByRole('link').allInnerTexts()).toEqual(marked.map(String));
  await expect(page.getByTestId('sheet-evidence')).toContainText(
    `${marked.length} tiêu chí đã đến kỳ đánh giá nhưng chưa có minh chứng`,
  );
  // Each number leads to its criterion.
  await note.getByRole('link', { name: String(marked[0]), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#criterion-${marked[0]}$`));
});

test('typed work survives a reload as a draft until saved; a half-typed evidence item warns before leaving', async ({
  page,
}) => {
  const row = await openEvidenceForm(page, 12);
  page.on('dialog', (dialog) => void dialog.accept());
  await row.getByLabel('Ghi chú').fill('Đang nhập dở, chưa lưu');
  await page.reload();
  const again = page.getByRole('listitem', { name: /^12\./ });
  await expect(again.getByLabel('Ghi chú')).toHaveValue('Đang nhập dở, chưa lưu');
  await expect(again.getByRole('status')).toContainText('Đã khôi phục nội dung chưa lưu');
  await again.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(again.getByText('Đã lưu.')).toBeVisible();
  await page.reload();
  const saved = page.getByRole('listitem', { name: /^12\./ });
  await expect(saved.getByLabel('Ghi chú')).toHaveValue('Đang nhập dở, chưa lưu');
  await expect(saved.getByText('Đã khôi phục nội dung chưa lưu')).toHaveCount(0);

  // A half-typed evidence item: an in-app link asks first, and staying keeps it.
  page.removeAllListeners('dialog');
  await saved.getByText('Thêm minh chứng').click();
  await saved.getByLabel('Tiêu đề').fill('Biên bản chưa gửi');
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: '← Phường Ngọc Sơn' }).click();
  expect(asked).toContain('chưa lưu');
  await expect(saved.getByLabel('Tiêu đề')).toHaveValue('Biên bản chưa gửi');
  await expect(page).toHaveURL(/\/2026/);
});

test('"Lưu tất cả" saves every criterion typed into, each as its own "Lưu" would', async ({
  page,
}) => {
  await openEvidenceForm(page, 20);
  const stamp = Date.now().toString(36);
  const rows = [20, 21].map((n) => page.getByRole('listitem', { name: new RegExp(`^${n}\\.`) }));
  for (const [i, row] of rows.entries())
    await row.getByLabel('Ghi chú').fill(`Ghi chú ${i + 1} ${stamp}`);
  const bar = page.getByRole('region', { name: 'Kết quả chưa lưu' });
  await expect(bar).toContainText('2 tiêu chí chưa lưu');
  await bar.getByRole('button', { name: 'Lưu tất cả' }).click();
  for (const row of rows) await expect(row.getByText('Đã lưu.')).toBeVisible();
  await expect(bar).toHaveCount(0);
  await page.reload();
  for (const [i, row] of rows.entries())
    await expect(row.getByLabel('Ghi chú')).toHaveValue(`Ghi chú ${i + 1} ${stamp}`);
});

test('several files in one "Thêm", and a file dropped on the form', async ({ page }) => {
  const row = await openEvidenceForm(page, 19);
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  await row.getByLabel('Tiêu đề').fill('Ảnh chụp biên bản');
  await row.getByLabel(/^Tệp \(PDF/).setInputFiles([
    { name: 'trang-1.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'trang-2.pdf', mimeType: 'application/pdf', buffer: pdf },
  ]);
  await row.getByRole('button', { name: 'Thêm' }).click();
  await expect(row.getByText('Đã thêm 2 minh chứng.')).toBeVisible();
  await expect(row.getByRole('link', { name: 'Ảnh chụp biên bản (1/2)' })).toBeVisible();
  await expect(row.getByRole('link', { name: 'Ảnh chụp biên bản (2/2)' })).toBeVisible();

  // Dropped rather than chosen: the file lands in the field and is sent with "Thêm".
  await row.getByLabel('Tiêu đề').fill('Biên bản kéo thả');
  const dropped = await page.evaluateHandle(() => {
    const files = new DataTransfer();
    files.items.add(new File(['%PDF-1.4\n%%EOF\n'], 'keo-tha.pdf', { type: 'application/pdf' }));
    return files;
  });
  await row.locator('[data-testid^="drop-"]').dispatchEvent('drop', { dataTransfer: dropped });
  expect(
    await row
      .getByLabel(/^Tệp \(PDF/)
      .evaluate((i: HTMLInputElement) => [...(i.files ?? [])].map((f) => f.name)),
  ).toEqual(['keo-tha.pdf']);
  await row.getByRole('button', { name: 'Thêm' }).click();
  await expect(row.getByRole('link', { name: 'Biên bản kéo thả' })).toBeVisible();
});
