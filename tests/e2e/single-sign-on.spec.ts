import { expect, test } from './fixtures';
import { oidcPort, ssoEnv } from '../../playwright.config';
import { startOidcProvider } from '../support/oidc-provider';

/**
 * Single sign-on in a real browser, against a real OpenID Connect provider (oidc-provider on
 * loopback, as the Ministry's Keycloak would be): the button on the sign-in page, the round trip,
 * the app's own session, signing out of both, and a person without an account turned away.
 */

let provider: Awaited<ReturnType<typeof startOidcProvider>>;

test.beforeAll(async ({ workerServer }) => {
  provider = await startOidcProvider({
    port: oidcPort,
    accounts: {
      'cb-phuong': { email: 'phuong@example.vn', emailVerified: true },
      'cb-stranger': { email: 'nguoi.la@bocongan.gov.vn', emailVerified: true },
    },
    redirectUris: [`${workerServer}/login/sso/callback`],
    postLogoutRedirectUris: [`${workerServer}/login?notice=signedOut`],
  });
  expect(provider.env.OIDC_CLIENT_SECRET).toBe(ssoEnv.OIDC_CLIENT_SECRET);
});

test.afterAll(async () => {
  await provider.stop();
});

test('a ward officer signs in with the Ministry account and signs out of both', async ({
  page,
}) => {
  await page.goto('/login');
  provider.nextLogin({ subject: 'cb-phuong', amr: ['pwd'] });
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản Bộ Công an' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await expect(page.getByText('Phường Hạc Thành').first()).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  // The provider asks to confirm ending its own session, then sends the browser back.
  await page.waitForURL((url) => url.port === String(oidcPort));
  await page.getByRole('button', { name: /yes|sign me out/i }).click();
  await page.waitForURL(/\/login\?notice=signedOut/);
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
  // The app's session is gone: a page now asks to sign in.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login/);
});

test('a person the app has no account for is turned away, in English too', async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL ?? '' }]);
  await page.goto('/login');
  provider.nextLogin({ subject: 'cb-stranger' });
  await page
    .getByRole('link', { name: 'Sign in with your Ministry of Public Security account' })
    .click();
  await page.waitForURL(/\/login\?notice=ssoUnknown/);
  await expect(
    page.getByText('This Ministry account has not been given access to Kiểu Mẫu.', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(page.getByLabel('Email')).toBeVisible();
});
