import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './scripts/lib/chromium';

/**
 * Two instances (scripts/server.ts) on one PostgreSQL (scripts/test-multi-instance.sh prepares the
 * database and the build): sessions, lockouts and saves must be shared through the database.
 */
const databaseUrl = process.env.MULTI_DATABASE_URL ?? '';
const secret = process.env.MULTI_SECRET ?? '';
const ports = [3301, 3302];
/** Instance A serves its metrics with a token, B without one (tests/multi-instance). */
export const METRICS = { A: 9301, B: 9302, token: 'metrics-token-for-the-test' };
const server = (port: number) => ({
  command: `node --import tsx scripts/server.ts`,
  url: `http://127.0.0.1:${port}/api/health`,
  timeout: 120_000,
  reuseExistingServer: false,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NODE_ENV: 'production',
    PORT: String(port),
    METRICS_PORT: String(port === ports[0] ? METRICS.A : METRICS.B),
    ...(port === ports[0] ? { METRICS_TOKEN: METRICS.token } : {}),
  },
});

export default defineConfig({
  testDir: 'tests/multi-instance',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: { locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunch,
      },
    },
  ],
  webServer: ports.map(server),
});
