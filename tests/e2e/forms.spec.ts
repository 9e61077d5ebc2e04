import { expect, test } from './fixtures';
import { signIn } from './helpers';

/**
 * The shared form pattern, in a real browser: a refusal keeps what was typed and marks the
 * failing field; a step that cannot simply be undone asks first, and "Cancel" changes nothing.
 */
test('a refused form keeps its input and marks the field; deleting asks first', async ({
  page,
}) => {
  await signIn(page, 'admin@example.vn');
  await page.goto('/admin/targets');
  const form = page.getByRole('region', { name: 'Thêm hoặc sửa mục tiêu' });
  await form.getByLabel('Phạm vi').selectOption('38');
  await form.getByLabel('Năm').selectOption('2027');
  await form.getByLabel('Giá trị').fill('abc');
  await form.getByLabel('Văn bản nguồn').fill('Kế hoạch 123/KH-CAT');
  await form.getByRole('button', { name: 'Lưu mục tiêu' }).click();

  // Refused: the value is marked, everything typed is still there.
  await expect(form.getByLabel('Giá trị')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Giá trị')).toHaveValue('abc');
  await expect(form.getByLabel('Văn bản nguồn')).toHaveValue('Kế hoạch 123/KH-CAT');
  await expect(form.getByLabel('Phạm vi')).toHaveValue('38');
  await expect(form.getByLabel('Năm')).toHaveValue('2027');

  await form.getByLabel('Giá trị').fill('55');
  await form.getByRole('button', { name: 'Lưu mục tiêu' }).click();
  await expect(form.getByText('Đã lưu mục tiêu.')).toBeVisible();
  const row = page.getByRole('row', { name: /Kế hoạch 123\/KH-CAT/ });
  await expect(row).toBeVisible();

  // Deleting opens a dialog; Cancel leaves the target and gives the focus back.
  const remove = row.getByRole('button', { name: 'Xóa' });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Xác nhận thao tác' });
  await expect(dialog).toContainText('Xóa mục tiêu này?');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(row).toBeVisible();

  await remove.click();
  await dialog.getByRole('button', { name: 'Xóa' }).click();
  await expect(page.getByRole('row', { name: /Kế hoạch 123\/KH-CAT/ })).toHaveCount(0);
});

test('empty sign-in fields are marked as empty, not called a wrong password', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('admin@example.vn');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByLabel('Mật khẩu')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Email hoặc mật khẩu không đúng.')).toHaveCount(0);
  await expect(page.getByLabel('Email')).toHaveValue('admin@example.vn');
});
