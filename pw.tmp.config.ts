import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from '/work/main/scripts/lib/chromium';
export default defineConfig({
  testDir: '/work/main/tests/e2e',
  timeout: 600_000,
  workers: 1,
  reporter: [['list']],
  use: { baseURL: process.env.BASE ?? 'http://127.0.0.1:3300', locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch } }],
});
