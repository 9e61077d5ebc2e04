import { expect, test } from './fixtures';
import { signIn } from './helpers';

const payload = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">"'><svg onload="window.__xss=3">`;

test('user text is shown as text: an injected script in a note or an evidence title never runs', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await signIn(page, 'thanhhoa@example.vn');
  // Phường Ngọc Sơn's 2026 sheet is a draft in the demo data.
  await page.goto('/wards?q=ngoc%20son');
  await page.getByRole('link', { name: 'Phường Ngọc Sơn', exact: true }).click();
  await page.getByRole('link', { name: 'Mở phiếu năm 2026' }).click();
  const row = page.getByRole('listitem', { name: /^18\./ });
  await row.getByLabel('Ghi chú').fill(payload);
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(row.getByText('Đã lưu.')).toBeVisible();
  await row.getByText('Thêm minh chứng').click();
  await row.getByLabel('Loại').selectOption('NOTE');
  await row.getByLabel('Tiêu đề').fill(payload);
  await row.getByLabel('Nội dung').fill(payload);
  await row.getByRole('button', { name: 'Thêm' }).click();
  await expect(row.getByText('Đã thêm minh chứng.')).toBeVisible();

  await page.reload();
  const reloaded = page.getByRole('listitem', { name: /^18\./ });
  await expect(reloaded.getByLabel('Ghi chú')).toHaveValue(payload);
  await expect(reloaded.getByText(payload).first()).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('the Content-Security-Policy blocks inline script even if some were injected', async ({
  page,
}) => {
  await signIn(page, 'lanhdao@example.vn');
  await page.goto('/dashboard');
  // Markup that slipped past escaping would carry inline handlers: the policy refuses to run them.
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.violatedDirective),
    );
    const box = document.createElement('div');
    box.innerHTML = '<img src="/favicon-missing.png" onerror="window.__inline = 1">';
    document.body.appendChild(box);
    await new Promise((r) => setTimeout(r, 500));
    return { ran: (window as unknown as { __inline?: number }).__inline, violations };
  });
  expect(outcome.ran).toBeUndefined();
  expect(outcome.violations.some((v) => v.startsWith('script-src'))).toBe(true);
});
