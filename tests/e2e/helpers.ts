import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'KieuMau@2025';

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

/**
 * A new or reset account's holder opens the one-time handover link shown in `region` (in their
 * own browser, `holder`) and sets `password`; they land on the sign-in page.
 */
export async function useHandoverLink(
  region: Locator,
  holder: Page,
  password: string,
): Promise<void> {
  const link = await region
    .getByRole('textbox', { name: /Liên kết bàn giao tài khoản/ })
    .inputValue();
  expect(link).toMatch(/\/handover\/[A-Za-z0-9_-]{43}$/);
  await holder.goto(link);
  await holder.getByLabel('Mật khẩu mới', { exact: true }).fill(password);
  await holder.getByLabel('Nhập lại mật khẩu mới').fill(password);
  await holder.getByRole('button', { name: 'Đặt mật khẩu' }).click();
  await expect(holder).toHaveURL(/\/login\?notice=passwordSet/);
  await expect(holder.getByText('Đã đặt mật khẩu. Hãy đăng nhập bằng mật khẩu mới.')).toBeVisible();
}
