import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './scripts/lib/chromium';

// Browser tests run against the production build (`npm start`) on a fresh embedded database
// in a temporary folder, with Debian's Chromium (scripts/test.mjs finds or installs it).
const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `kieumau-e2e-${port}`);
export const baseURL = `http://127.0.0.1:${port}`;
/**
 * Single sign-on is configured on every test server, against an OpenID Connect provider that
 * tests/e2e/single-sign-on.spec.ts runs on this port while it needs it (the app asks the provider
 * only when someone clicks the button).
 */
export const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3299);
export const ssoEnv = {
  OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
  OIDC_CLIENT_ID: 'kieumau',
  OIDC_CLIENT_SECRET: 'kieumau-test-client-secret',
  OIDC_SECOND_FACTOR: 'mfa',
};
/** How a test server starts: the first by webServer below, the others by tests/e2e/fixtures.ts. */
export const serverCommand = [
  process.execPath,
  'node_modules/tsx/dist/cli.mjs',
  '--conditions=react-server',
  'scripts/start.ts',
  '--demo',
];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Files spread over workers, each with its own server and database (tests/e2e/fixtures.ts);
  // a file's tests run in order. E2E_WORKERS=1 runs everything on one server.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunch,
      },
    },
  ],
  webServer: {
    command: serverCommand.map((part) => JSON.stringify(part)).join(' '),
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', ...ssoEnv },
  },
});
