import { expect, test, type Locator, type Page } from './fixtures';
import { signIn } from './helpers';

const YEAR = 2026;
/** Today in Vietnam (YYYY-MM-DD): the demo calendar's dates of YEAR may have passed. */
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const registrationLate = today > `${YEAR}-03-31`;
const submissionLate = today > `${YEAR}-09-30`;

/** How to meet each of the 22 criteria through the form (kind of input, figure). */
const meets: Record<
  number,
  { select?: string; value?: string; baseline?: string; level?: string }
> = {
  1: { level: '2' },
  2: { value: '0' },
  3: { select: '1' },
  4: { select: '1' },
  5: { select: '1' },
  6: { select: '1' },
  7: { select: '1' },
  8: { value: '8', baseline: '10' },
  9: { value: '100' },
  10: { select: '1' },
  11: { value: '97,5' },
  12: { select: '1' },
  13: { value: '3' },
  14: { value: '8', baseline: '10' },
  15: { level: '2' },
  16: { value: '100' },
  17: { select: '1' },
  18: { select: '1' },
  19: { value: '85' },
  20: { select: '1' },
  21: { value: '90' },
  22: { level: '2' },
};

function criterion(page: Page, n: number): Locator {
  return page.getByRole('listitem', { name: new RegExp(`^${n}\\.`) });
}

async function fill(row: Locator, how: (typeof meets)[number]) {
  if (how.select) await row.getByLabel('Số liệu').selectOption(how.select);
  if (how.level) await row.getByLabel('Mức xếp loại').selectOption(how.level);
  if (how.value && how.baseline) {
    await row.getByLabel('Kỳ này').fill(how.value);
    await row.getByLabel('Cùng kỳ năm trước').fill(how.baseline);
  } else if (how.value) await row.getByLabel('Số liệu').fill(how.value);
}

async function save(row: Locator) {
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(row.getByText('Đã lưu.')).toBeVisible();
}

/** Takes a workflow step, confirming it in the dialog, and waits for the sheet's new status. */
async function step(page: Page, action: string, status: string) {
  await confirmStep(page, page.getByRole('button', { name: action, exact: true }), action);
  await expect(page.getByTestId('sheet-status')).toHaveText(status);
}

/** Every step asks first: the button opens a dialog whose own button takes the step. */
async function confirmStep(page: Page, button: Locator, action: string) {
  await button.click();
  await page.getByRole('dialog').getByRole('button', { name: action, exact: true }).click();
}

/** The step's button inside its open form (the step's summary carries the same name). */
function formButton(page: Page, action: string) {
  return page.locator('details[open] form').getByRole('button', { name: action, exact: true });
}

async function openDetails(page: Page, summary: string) {
  await page.locator('summary', { hasText: new RegExp(`^${summary}$`) }).click();
}

test('the whole cycle: register, fill, upload, submit, return two items, fix, resubmit, recognise', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // The province registers a ward that has no assessment this year.
  await signIn(page, 'thanhhoa@example.vn');
  await page.goto(`/assessments?year=${YEAR}`);
  await page.getByRole('checkbox', { name: 'Chọn Phường Hải Bình' }).check();
  // After the demo calendar's registration date, a reason is asked (and recorded).
  await expect(page.getByTestId('registration-late')).toHaveCount(registrationLate ? 1 : 0);
  if (registrationLate)
    await page.getByLabel('Lý do đăng ký muộn').fill('Phường bổ sung theo kế hoạch của tỉnh');
  await page.getByRole('button', { name: 'Đăng ký các phường đã chọn' }).click();
  await expect(page.getByText('Đã đăng ký 1 phường.')).toBeVisible();
  await page
    .getByRole('row', { name: /Phường Hải Bình/ })
    .getByRole('link', { name: 'Mở phiếu' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Phường Hải Bình · năm ${YEAR}` }),
  ).toBeVisible();
  await expect(page.getByTestId('sheet-summary')).toHaveText(
    '0/22 đạt · 0 chưa đến thời gian đánh giá · 0 chưa đạt',
  );
  const sheetUrl = page.url();

  for (let n = 1; n <= 22; n += 1) {
    const row = criterion(page, n);
    await fill(row, meets[n]!);
    await expect(row.getByText('Theo số liệu: Đạt')).toBeVisible();
    await save(row);
  }
  await page.reload();
  await expect(page.getByTestId('sheet-summary')).toHaveText(
    '22/22 đạt · 0 chưa đến thời gian đánh giá · 0 chưa đạt',
  );

  // Evidence: a PDF for the headquarters criterion.
  const hq = criterion(page, 4);
  await hq.getByText('Thêm minh chứng').click();
  await hq.getByLabel('Tiêu đề').fill('Biên bản nghiệm thu trụ sở');
  await hq.getByLabel(/^Tệp \(PDF/).setInputFiles({
    name: 'nghiem-thu.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await hq.getByRole('button', { name: 'Thêm' }).click();
  await expect(hq.getByRole('link', { name: 'Biên bản nghiệm thu trụ sở' })).toBeVisible();

  // After the submission date the step asks why it is late; the history keeps the answer.
  await expect(page.getByTestId('late-note')).toHaveCount(submissionLate ? 1 : 0);
  if (submissionLate) await page.getByLabel('Lý do gửi muộn').fill('Chờ số liệu quý IV');
  await step(page, 'Gửi hồ sơ', 'Đã gửi, chờ tỉnh xét');
  if (submissionLate) await expect(page.getByText('Chờ số liệu quý IV')).toBeVisible();
  await expect(criterion(page, 3).getByText('Chỉ xem')).toBeVisible();
  // What the province now only reads is written out under the form's names, not locked controls.
  const sent = criterion(page, 8);
  await expect(sent.getByRole('combobox')).toHaveCount(0);
  await expect(sent.getByRole('textbox', { name: 'Kỳ này' })).toHaveCount(0);
  await expect(sent.getByRole('term')).toHaveText([
    'Kết quả',
    'Kỳ này',
    'Cùng kỳ năm trước',
    'Ghi chú',
  ]);
  await expect(sent.getByRole('definition')).toHaveText(['Đạt', '8', '10', '—']);
  await expect(criterion(page, 11).getByRole('definition').nth(1)).toHaveText('97,5%');
  await step(page, 'Đề nghị Bộ công nhận', 'Tỉnh đề nghị công nhận');

  // The Ministry returns two items with reasons.
  const ministryContext = await browser.newContext();
  const ministry = await ministryContext.newPage();
  await signIn(ministry, 'thanhtra@example.vn');
  // The queue is long: the inspector finds the ward by name, without diacritics.
  await ministry.goto('/review?q=hai+binh');
  await ministry.getByRole('link', { name: 'Phường Hải Bình' }).click();
  // The inspector only reads the evidence: no "Xóa", and the PDF still opens in its viewer.
  const hqRead = criterion(ministry, 4);
  await expect(hqRead.getByRole('button', { name: 'Xóa' })).toHaveCount(0);
  await hqRead.getByRole('button', { name: 'Xem' }).click();
  await expect(hqRead.locator('iframe[title="Biên bản nghiệm thu trụ sở"]')).toBeVisible();
  await hqRead.getByRole('button', { name: 'Đóng' }).click();
  await expect(hqRead.locator('iframe')).toHaveCount(0);
  await openDetails(ministry, 'Trả lại tiêu chí');
  await ministry.getByRole('checkbox', { name: /^5\. Trang thiết bị/ }).check();
  await ministry.getByLabel('Lý do trả lại tiêu chí 5').fill('Danh mục thiết bị chưa có chữ ký');
  await ministry.getByRole('checkbox', { name: /^11\. Quản lý cư trú/ }).check();
  await ministry.getByLabel('Lý do trả lại tiêu chí 11').fill('Số liệu Đề án 06 chưa khớp báo cáo');
  await confirmStep(ministry, formButton(ministry, 'Trả lại tiêu chí'), 'Trả lại tiêu chí');
  await expect(ministry.getByTestId('sheet-status')).toHaveText('Bị trả lại');

  // The province sees the reasons, may change only those two, and resubmits.
  await page.goto(sheetUrl);
  await expect(criterion(page, 5).getByText('Danh mục thiết bị chưa có chữ ký')).toBeVisible();
  await expect(page.getByTestId('returns-summary')).toContainText(
    'Danh mục thiết bị chưa có chữ ký',
  );
  await expect(criterion(page, 3).getByText('Chỉ xem')).toBeVisible();
  await expect(criterion(page, 3).getByRole('button', { name: 'Lưu' })).toHaveCount(0);
  const c11 = criterion(page, 11);
  await expect(c11.getByText('Được trả lại để sửa')).toBeVisible();
  await c11.getByLabel('Số liệu').fill('98');
  await c11.getByLabel('Ghi chú').fill('Đã đối chiếu với báo cáo quý IV');
  await save(c11);
  const c5 = criterion(page, 5);
  await c5.getByLabel('Ghi chú').fill('Đã bổ sung chữ ký');
  await save(c5);
  // Returned by the Ministry: the fix goes straight back to it, without a new proposal.
  await step(page, 'Gửi lại Bộ', 'Tỉnh đề nghị công nhận');

  // The Ministry inspects and recognises with a decision number.
  await ministry.goto(sheetUrl);
  await step(ministry, 'Bắt đầu thẩm định', 'Bộ đang thẩm định');
  const recognisedInThanhHoa = async () => {
    await ministry.goto(`/dashboard?year=${YEAR}&basis=official`);
    const row = ministry.getByRole('row', { name: /^Thanh Hoá/ });
    // The counted column: after share, verdict, pace, target, projection, wards, registered.
    return Number(await row.getByRole('cell').nth(7).textContent());
  };
  const before = await recognisedInThanhHoa();
  await ministry.goto(sheetUrl);
  await openDetails(ministry, 'Công nhận');
  await ministry.getByLabel('Số quyết định').fill('7788/QĐ-BCA');
  await ministry.getByLabel('Ngày quyết định').fill('2026-11-20');
  await confirmStep(ministry, formButton(ministry, 'Công nhận'), 'Công nhận');
  await expect(ministry.getByTestId('sheet-status')).toHaveText('Đã công nhận');
  // Live: the national dashboard counts it on the next load.
  expect(await recognisedInThanhHoa()).toBe(before + 1);
  await ministryContext.close();

  // The ward shows as recognised for the year, and the audit trail has every step.
  await page.goto(sheetUrl.replace(/\/\d{4}$/, ''));
  const yearRow = page.getByRole('row', { name: new RegExp(`^${YEAR}`) });
  await expect(yearRow.getByText('Đã công nhận')).toBeVisible();
  await expect(yearRow.getByText(/7788\/QĐ-BCA/)).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@example.vn');
  await admin.goto('/admin/audit?entity=assessment');
  // Each step of the cycle is in the audit trail, named in the user's language.
  for (const action of [
    'Đăng ký phường',
    'Gửi hồ sơ',
    'Đề nghị Bộ công nhận',
    'Bộ trả lại',
    'Bắt đầu kiểm tra',
    'Công nhận',
  ])
    await expect(admin.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  await admin.goto('/admin/audit?entity=evidence');
  await expect(
    admin.getByRole('cell', { name: 'Thêm minh chứng', exact: true }).first(),
  ).toBeVisible();
  await adminContext.close();
});

test('two people editing one result: the second save is refused and nothing is lost', async ({
  browser,
}) => {
  // Phường Bỉm Sơn's 2026 sheet is a draft in the demo data.
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [first, second] = await Promise.all(contexts.map((c) => c.newPage()));
  await signIn(first!, 'thanhhoa@example.vn');
  await signIn(second!, 'admin@example.vn');
  const url = `/wards/${await wardCode(first!, 'Bỉm Sơn')}/${YEAR}`;
  await first!.goto(url);
  await second!.goto(url);

  const mine = criterion(first!, 20);
  await mine.getByLabel('Ghi chú').fill('Ghi chú của cán bộ tỉnh');
  await save(mine);

  const theirs = criterion(second!, 20);
  await theirs.getByLabel('Ghi chú').fill('Ghi chú của quản trị viên');
  await theirs.getByRole('button', { name: 'Lưu' }).click();
  await expect(theirs.getByText('Bản mới hơn đã được lưu')).toBeVisible();
  await expect(
    theirs.getByText(/Công an tỉnh Thanh Hóa vừa lưu một phiên bản mới hơn/),
  ).toBeVisible();
  await expect(theirs.getByText(/ghi chú “Ghi chú của cán bộ tỉnh”/)).toBeVisible();
  // The second person's text is still there to re-apply.
  await expect(theirs.getByLabel('Ghi chú')).toHaveValue('Ghi chú của quản trị viên');

  // Leaving with unsaved text asks first.
  let asked = false;
  second!.once('dialog', async (dialog) => {
    asked = true;
    await dialog.dismiss();
  });
  await second!.getByRole('link', { name: 'Phường', exact: true }).click();
  expect(asked).toBe(true);
  await expect(second!).toHaveURL(new RegExp(`${url}$`));

  await theirs.getByRole('button', { name: 'Lưu' }).click();
  await expect(theirs.getByText('Đã lưu.')).toBeVisible();
  await first!.reload();
  await expect(criterion(first!, 20).getByLabel('Ghi chú')).toHaveValue(
    'Ghi chú của quản trị viên',
  );
  await Promise.all(contexts.map((c) => c.close()));
});

async function wardCode(page: Page, name: string): Promise<string> {
  await page.goto(`/wards?q=${encodeURIComponent(name)}`);
  const href = await page
    .getByRole('link', { name: `Phường ${name}`, exact: true })
    .first()
    .getAttribute('href');
  return href!.split('/').pop()!;
}
