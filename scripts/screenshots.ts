/**
 * The README's screenshots, taken from a running demo installation (`npm start -- --demo`):
 * `npm run docs:screenshots [-- http://localhost:3000]` writes docs/screenshots/*.png, signed in
 * as the demo accounts, on a desktop and a 390 px phone, in Vietnamese and English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { DEMO_PASSWORD } from '../prisma/seed-data/demo-accounts';
import { chromiumLaunch } from './lib/chromium';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = path.join(process.cwd(), 'docs', 'screenshots');

const shots = [
  { file: 'dashboard-vi.png', email: 'lanhdao@example.vn', path: '/dashboard', locale: 'vi' },
  { file: 'dashboard-en.png', email: 'lanhdao@example.vn', path: '/dashboard', locale: 'en' },
  { file: 'review-vi.png', email: 'thanhtra@example.vn', path: '/review', locale: 'vi' },
  {
    file: 'dashboard-phone-vi.png',
    email: 'lanhdao@example.vn',
    path: '/dashboard',
    locale: 'vi',
    phone: true,
  },
] as const;

async function take(browser: Browser, shot: (typeof shots)[number]): Promise<void> {
  const phone = 'phone' in shot && shot.phone;
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    deviceScaleFactor: phone ? 2 : 1,
    locale: shot.locale === 'vi' ? 'vi-VN' : 'en-GB',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: shot.locale, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.locator('input[name="email"]').fill(shot.email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('input[name="password"]').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${base}${shot.path}`, { waitUntil: 'networkidle' });
  await page.screenshot({ path: path.join(out, shot.file) });
  await context.close();
  console.log(`${shot.file}: ${shot.email} ${shot.path}`);
}

fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunch);
try {
  for (const shot of shots) await take(browser, shot);
} finally {
  await browser.close();
}
