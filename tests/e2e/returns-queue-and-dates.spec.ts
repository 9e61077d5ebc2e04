import { expect, test, type Locator, type Page } from './fixtures';
import { signIn } from './helpers';

/**
 * The daily work of review (issue 13): a refused return keeps its ticks and text, the returned
 * sheet opens with its summary, resubmission waits until every returned item is answered, the
 * people concerned (and only they) are told, queues filter and page, deadlines turn overdue.
 */

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** A day in Vietnam's time zone, `offset` days from today, as YYYY-MM-DD. */
const vnDay = (offset: number) =>
  new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
/** YYYY-MM-DD as Vietnamese pages write it. */
const viDate = (day: string) => day.split('-').reverse().join('/');

function criterion(page: Page, n: number): Locator {
  return page.getByRole('listitem', { name: new RegExp(`^${n}\\.`) });
}

async function confirmStep(page: Page, button: Locator, action: string) {
  await button.click();
  await page.getByRole('dialog').getByRole('button', { name: action, exact: true }).click();
}

const formButton = (page: Page, action: string) =>
  page.locator('details[open] form').getByRole('button', { name: action, exact: true });

test('a return: refused without a reason it keeps everything; then the summary, the inbox and a resubmission that waits for answers', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ministryContext = await browser.newContext();
  const ministry = await ministryContext.newPage();
  await signIn(ministry, 'thanhtra@example.vn');
  // A Thanh Hoá dossier the province proposed this year.
  await ministry.goto('/review?province=38&status=PROPOSED&year=2026');
  const link = ministry.locator('[data-table="review-queue"] tbody th a').first();
  const ward = (await link.textContent())!.trim();
  await link.click();
  await expect(ministry.getByTestId('sheet-status')).toHaveText('Tỉnh đề nghị công nhận');
  const sheetUrl = ministry.url();

  await ministry.locator('summary', { hasText: /^Trả lại tiêu chí$/ }).click();
  // The reviewer sees each result as it stands while choosing what to return.
  await expect(ministry.getByText(/^Hiện tại: /).first()).toBeVisible();
  await ministry.getByRole('checkbox', { name: /^2\. / }).check();
  await ministry
    .getByLabel('Lý do trả lại tiêu chí 2', { exact: true })
    .fill('Thiếu biên bản kiểm tra');
  await ministry.getByRole('checkbox', { name: /^7\. / }).check();
  await confirmStep(ministry, formButton(ministry, 'Trả lại tiêu chí'), 'Trả lại tiêu chí');
  await expect(
    ministry.getByRole('alert').filter({ hasText: /đánh dấu|Nhập lý do/ }),
  ).toBeVisible();
  // Nothing was lost: both ticks, the reason typed, and the empty reason marked.
  await expect(ministry.getByRole('checkbox', { name: /^2\. / })).toBeChecked();
  await expect(ministry.getByRole('checkbox', { name: /^7\. / })).toBeChecked();
  await expect(ministry.getByLabel('Lý do trả lại tiêu chí 2', { exact: true })).toHaveValue(
    'Thiếu biên bản kiểm tra',
  );
  await expect(ministry.getByLabel('Lý do trả lại tiêu chí 7', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(ministry.getByTestId('sheet-status')).toHaveText('Tỉnh đề nghị công nhận');

  await ministry
    .getByLabel('Lý do trả lại tiêu chí 7', { exact: true })
    .fill('Số liệu chưa khớp báo cáo quý');
  // The return carries its own date (15 days ahead unless the reviewer changes it).
  const fixBy = ministry.getByLabel('Sửa trước ngày');
  await expect(fixBy).toHaveValue(vnDay(15));
  await fixBy.fill(vnDay(10));
  await confirmStep(ministry, formButton(ministry, 'Trả lại tiêu chí'), 'Trả lại tiêu chí');
  await expect(ministry.getByTestId('sheet-status')).toHaveText('Bị trả lại');
  // The history names the criteria instead of an unexplained count.
  await expect(ministry.getByText('Tiêu chí trả lại: 2, 7')).toBeVisible();
  await ministryContext.close();

  // Thanh Hoá's staff are told; Nghệ An's are not.
  const provinceContext = await browser.newContext();
  const province = await provinceContext.newPage();
  await signIn(province, 'thanhhoa@example.vn');
  await expect(
    province
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: /^Thông báo/ }),
  ).toContainText(/\d/);
  await province.goto('/notifications');
  const line = province
    .getByTestId('inbox')
    .getByRole('link', { name: new RegExp(`${ward}.*2 tiêu chí bị trả lại`) });
  await expect(line).toBeVisible();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, 'nghean@example.vn');
  await other.goto('/notifications');
  await expect(other.getByText(ward, { exact: false })).toHaveCount(0);
  await otherContext.close();

  // The returned sheet opens with the summary: which criteria, by whom, why.
  // The line leads to the summary of what was returned (one criterion: to that criterion).
  await line.click();
  await expect(province).toHaveURL(`${sheetUrl}#returns-summary`);
  const summary = province.getByTestId('returns-summary');
  await expect(summary.getByRole('heading')).toHaveText('2 tiêu chí bị trả lại');
  await expect(summary).toContainText('Trả lại (Bộ Công an)');
  await expect(summary).toContainText('Thiếu biên bản kiểm tra');
  await expect(summary).toContainText('Số liệu chưa khớp báo cáo quý');
  await expect(summary).toContainText('Còn 2 tiêu chí phải xử lý');
  // The badge shows the return's own date, not the long-passed submission date.
  await expect(province.locator('[data-deadline]')).toHaveText(
    `Hạn sửa hồ sơ bị trả lại ${viDate(vnDay(10))} · còn 10 ngày`,
  );

  // Resubmitting unchanged is refused, naming what is still owed. Returned by the Ministry, the
  // fix goes straight back to it.
  const submit = province.getByRole('button', { name: 'Gửi lại Bộ', exact: true });
  await expect(province.getByText(/khi gửi, hồ sơ về thẳng Bộ/)).toBeVisible();
  await confirmStep(province, submit, 'Gửi lại Bộ');
  await expect(province.getByRole('alert').filter({ hasText: 'tiêu chí 2, 7' })).toBeVisible();

  // Criterion 2 changes; 7 is still owed.
  const c2 = criterion(province, 2);
  await c2.getByLabel('Ghi chú').fill('Đã bổ sung biên bản kiểm tra ngày 10/11');
  await c2.getByRole('button', { name: 'Lưu' }).click();
  await expect(c2.getByText('Đã lưu.')).toBeVisible();
  await province.reload();
  await confirmStep(
    province,
    province.getByRole('button', { name: 'Gửi lại Bộ', exact: true }),
    'Gửi lại Bộ',
  );
  await expect(province.getByRole('alert').filter({ hasText: 'tiêu chí 7' })).toBeVisible();

  // Criterion 7 is answered in writing; now the sheet goes back.
  const c7 = criterion(province, 7);
  await c7.locator('summary', { hasText: 'Trả lời bằng văn bản' }).click();
  await c7.getByLabel('Trả lời của phường').fill('Số liệu đúng theo báo cáo quý III đã gửi kèm');
  await c7.getByRole('button', { name: 'Gửi trả lời' }).click();
  await expect(c7.getByText('Đã gửi trả lời.')).toBeVisible();
  await province.reload();
  await expect(province.getByTestId('returns-summary')).toContainText('Đã xử lý mọi tiêu chí');
  await confirmStep(
    province,
    province.getByRole('button', { name: 'Gửi lại Bộ', exact: true }),
    'Gửi lại Bộ',
  );
  // Back at the Ministry, at the step it was returned from: no new review and proposal.
  await expect(province.getByTestId('sheet-status')).toHaveText('Tỉnh đề nghị công nhận');

  // The reviewer reads what changed since the return.
  await province.reload();
  const resubmitted = province.getByTestId('returns-summary');
  await expect(resubmitted.getByRole('heading')).toHaveText('Nộp lại sau khi trả 2 tiêu chí');
  await expect(resubmitted).toContainText('Ghi chú đã sửa');
  await expect(resubmitted).toContainText('Số liệu đúng theo báo cáo quý III đã gửi kèm');
  await provinceContext.close();
});

test('the Ministry queue: filters, search without diacritics and paging live in the URL', async ({
  page,
}) => {
  await signIn(page, 'thanhtra@example.vn');
  await page.goto('/review');
  const count = async () =>
    Number((await page.getByTestId('queue-count').textContent())!.match(/\d+/)![0]);
  const all = await count();
  expect(all).toBeGreaterThan(25);
  const rows = page.locator('[data-table="review-queue"] tbody tr');
  await expect(rows).toHaveCount(25);
  await expect(page.getByText(/^Trang 1\/\d+$/)).toBeVisible();
  await page.getByRole('link', { name: /Trang sau/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^Trang 2\/\d+$/)).toBeVisible();

  await page.goto('/review');
  await page.getByLabel('Tỉnh/Thành').selectOption('38');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(page).toHaveURL(/province=38/);
  const inThanhHoa = await count();
  expect(inThanhHoa).toBeGreaterThan(0);
  expect(inThanhHoa).toBeLessThan(all);
  const provinces = await page
    .locator('[data-table="review-queue"] tbody tr th + td')
    .allTextContents();
  // Thanh Hoá's wards of today and of before the 2025 merger (the province then wrote "Hóa").
  expect(new Set(provinces.map(fold))).toEqual(new Set(['thanh hoa']));

  // A ward's name typed without tone marks finds it.
  const name = (await page
    .locator('[data-table="review-queue"] tbody th a')
    .first()
    .textContent())!.trim();
  await page.getByLabel('Tìm phường (tên hoặc mã)').fill(fold(name));
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(page.locator('[data-table="review-queue"] tbody th a').first()).toHaveText(name);
  // The filters survive a reload: they are the page's address.
  await page.reload();
  await expect(page.getByLabel('Tìm phường (tên hoặc mã)')).toHaveValue(fold(name));
});

test('a deadline set by the Ministry turns dossiers overdue the day after it passes', async ({
  page,
}) => {
  await signIn(page, 'thanhtra@example.vn');
  // The demo's calendar already has a date: put it back afterwards.
  await page.goto('/calendar?year=2026');
  const original = await page.getByLabel('Hạn Bộ thẩm định').inputValue();
  const setInspection = async (day: string) => {
    await page.goto('/calendar?year=2026');
    await page.getByLabel('Hạn Bộ thẩm định').fill(day);
    await page.getByRole('button', { name: 'Lưu lịch' }).click();
    await expect(page.getByText('Đã lưu lịch năm 2026.')).toBeVisible();
  };
  const overdue = async () => {
    await page.goto('/review?year=2026&status=PROPOSED&overdue=1');
    return Number((await page.getByTestId('queue-count').textContent())!.match(/\d+/)![0]);
  };

  await setInspection(vnDay(3));
  expect(await overdue()).toBe(0);
  await page.goto('/review?year=2026&status=PROPOSED');
  await expect(page.locator('[data-deadline="dueSoon"]').first()).toContainText('còn 3 ngày');

  await setInspection(vnDay(-1));
  expect(await overdue()).toBeGreaterThan(0);
  await expect(page.locator('[data-deadline="overdue"]').first()).toContainText('quá hạn 1 ngày');
  // The calendar itself shows the date as past.
  await page.goto('/calendar?year=2026');
  await expect(page.locator('[data-table="calendar"]')).toContainText('đã qua 1 ngày');

  // Leave the calendar as it was for the other tests.
  await setInspection(original);
});

test('a ward account: the ward is chosen by typing its name without diacritics', async ({
  page,
}) => {
  await signIn(page, 'thanhhoa@example.vn');
  await page.goto('/admin/users');
  const create = page.getByRole('region', { name: 'Tạo tài khoản mới' });
  const email = `phuong-${Date.now()}@example.vn`;
  await create.getByLabel('Email').fill(email);
  await create.getByLabel('Họ và tên').fill('Lê Văn Phường');
  await create.getByLabel('Vai trò').selectOption('WARD');
  const picker = create.getByRole('combobox', { name: 'Phường' });
  await picker.fill('hac thanh');
  await page.getByRole('option', { name: /^Phường Hạc Thành/ }).click();
  await expect(picker).toHaveValue(/^Phường Hạc Thành \(\d{5}\)$/);
  await create.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(create.getByRole('textbox', { name: /Liên kết bàn giao tài khoản/ })).toHaveValue(
    /\/handover\//,
  );
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Hạc Thành');
});
