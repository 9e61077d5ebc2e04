import fs from 'node:fs';
import { test } from '@playwright/test';
import { signIn } from './helpers';
const out = '/tmp/look';
const pages = (process.env.LOOK ?? '/dashboard?year=2026').split(',');
test('look', async ({ page, context }) => {
  test.setTimeout(600_000);
  await signIn(page, process.env.WHO ?? 'lanhdao@example.vn');
  for (const locale of (process.env.LANGS ?? 'vi').split(',')) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: 'http://127.0.0.1:3300' }]);
    for (const [i, path] of pages.entries()) {
      for (const [w, h] of [[1280, 900], [390, 844]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `${out}/p${i}-${locale}-${w}.png`, fullPage: process.env.FULL === '1' });
      }
      if (process.env.PRINT === '1') {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await page.emulateMedia({ media: 'print' });
        fs.writeFileSync(`${out}/p${i}-${locale}.pdf`, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        await page.emulateMedia({ media: 'screen' });
      }
    }
  }
});
