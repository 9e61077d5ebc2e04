import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('a province officer subscribes to a monthly report of their province, then stops it', async ({
  page,
}) => {
  await signIn(page, 'nghean@example.vn');
  await page.goto('/reports');
  const card = page.getByRole('region', { name: 'Nhận báo cáo định kỳ qua e-mail' });
  await expect(card).toBeVisible();
  // Their own province only: the nation is not offered.
  const scope = card.getByLabel('Phạm vi nhận');
  await expect(scope.locator('option')).toHaveText(['40 · Nghệ An']);
  await card.getByLabel('Định dạng').selectOption('DOCX');
  await card.getByLabel('Tần suất').selectOption('MONTHLY');
  await card.getByRole('button', { name: 'Đăng ký nhận' }).click();
  await expect(card.getByText('Đã đăng ký nhận báo cáo định kỳ.')).toBeVisible();
  const line = card.getByTestId('subscriptions').getByRole('listitem');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('Nghệ An: DOCX hằng tháng');
  // The next issue: the 1st of next month, 07:00 Vietnam time.
  await expect(line).toContainText(
    /Lần gửi tới: 07:00.* 01\/\d{2}\/\d{4}|Lần gửi tới: 01\/\d{2}\/\d{4}.*07:00/,
  );
  // The same again is refused, with the reason.
  await card.getByLabel('Định dạng').selectOption('DOCX');
  await card.getByLabel('Tần suất').selectOption('MONTHLY');
  await card.getByRole('button', { name: 'Đăng ký nhận' }).click();
  await expect(card.getByText('Bạn đã đăng ký báo cáo này rồi.')).toBeVisible();
  await line.getByRole('button', { name: 'Hủy đăng ký' }).click();
  await expect(card.getByText('Bạn chưa đăng ký nhận báo cáo định kỳ nào.')).toBeVisible();
});

test('an unsubscribe link that is wrong says so, without signing in', async ({ page }) => {
  await page.goto(`/unsubscribe/${'A'.repeat(43)}`);
  await expect(page.getByRole('heading', { name: 'Hủy nhận báo cáo định kỳ' })).toBeVisible();
  await expect(page.getByText('Liên kết hủy đăng ký không đúng.')).toBeVisible();
  await expect(page).toHaveURL(/\/unsubscribe\//);
});
