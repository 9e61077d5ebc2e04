import { expect, test } from './fixtures';
import { signIn } from './helpers';

/**
 * The maps answer what the tables answer: the national map's 34 provinces carry the province
 * table's status for the chosen year and basis, and a province map's wards the ward table's facts.
 */

test('the national map: 34 provinces, each coloured by the status the province table gives it', async ({
  page,
}) => {
  await signIn(page, 'thanhtra@example.vn');
  for (const query of ['?year=2026&basis=official', '?year=2025&basis=provisional']) {
    await page.goto(`/dashboard${query}`);
    const map = page.locator('[data-map="national-map"]');
    await expect(map.locator('path[data-code]')).toHaveCount(34);
    const table = await page
      .locator('section[aria-labelledby="provinces-title"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => ({
          code: /\/provinces\/(\d{2})/.exec(
            r.querySelector('th a')?.getAttribute('href') ?? '',
          )?.[1],
          status: r.querySelector('[data-col="status"]')?.textContent?.trim() ?? '',
        })),
      );
    expect(table).toHaveLength(34);
    const shapes = await map.locator('a').evaluateAll((links) =>
      links.map((a) => ({
        code: /\/provinces\/(\d{2})/.exec(a.getAttribute('href') ?? '')?.[1],
        label: a.getAttribute('aria-label') ?? '',
        fill: a.querySelector('path')?.getAttribute('fill'),
        category: a.querySelector('path')?.getAttribute('data-category'),
      })),
    );
    expect(shapes).toHaveLength(34);
    for (const row of table) {
      const shape = shapes.find((s) => s.code === row.code)!;
      // "Name: share · milestone verdict · status": the status closes the label.
      expect(shape.label.split(' · ').at(-1), `${row.code} ${query}`).toBe(row.status);
    }
    // Same status, same colour; the legend counts what the map shows.
    const fillOf = new Map<string, string>();
    for (const s of shapes) {
      expect(fillOf.get(s.category!) ?? s.fill).toBe(s.fill);
      fillOf.set(s.category!, s.fill!);
    }
  }
  // Keyboard: a shape takes focus, says its figures, and opens its province.
  const first = page.locator('[data-map="national-map"] a').first();
  await first.focus();
  await expect(first).toBeFocused();
  // What the shape says is shown beside the map, for sighted keyboard users too.
  await expect(page.locator('[data-map="national-map"] [data-map-readout]')).toHaveText(
    (await first.getAttribute('aria-label'))!,
  );
  await first.press('Enter');
  await expect(page).toHaveURL(/\/provinces\/\d{2}/);
});

test('a province map: every ward coloured as the ward table reads it; xã in grey', async ({
  page,
}) => {
  await signIn(page, 'thanhhoa@example.vn');
  await page.goto('/provinces/38?year=2026');
  const map = page.locator('[data-map="province-map"]');
  const rows = await page.locator('[data-table="wards"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = tr.querySelectorAll('td');
      return {
        code: /\/wards\/(\d{5})/.exec(tr.querySelector('th a')?.getAttribute('href') ?? '')?.[1],
        met: cells[0]?.textContent?.trim() ?? '',
        status: cells[2]?.textContent?.trim() ?? '',
        recognition: cells[3]?.textContent?.trim() ?? '',
      };
    }),
  );
  expect(rows.length).toBeGreaterThan(5);
  for (const row of rows) {
    const [met, total] = row.met.split('/').map(Number);
    const expected = row.recognition.startsWith('Công nhận')
      ? 'recognised'
      : row.status.startsWith('Chưa đăng ký')
        ? 'notRegistered'
        : met === total
          ? 'attained'
          : total! - met! <= 2
            ? 'short'
            : 'registered';
    await expect(map.locator(`path[data-code="${row.code}"]`), row.code).toHaveAttribute(
      'data-category',
      expected,
    );
  }
  // The other units of the province (xã, đặc khu) are drawn as context, in grey, without links.
  const all = await map.locator('path[data-code]').count();
  await expect(map.locator('path[data-category="notWard"]')).toHaveCount(all - rows.length);
  await expect(map.locator('svg a')).toHaveCount(rows.length);
});

test('a map downloads as PNG and SVG with its legend and stamp', async ({ page }) => {
  await signIn(page, 'thanhhoa@example.vn');
  await page.goto('/provinces/38?year=2026&basis=official');
  const figure = page.locator('[data-map="province-map"]');
  const svgDownload = page.waitForEvent('download');
  await figure.getByRole('button', { name: 'Tải SVG' }).click();
  const svg = await (
    await svgDownload
  )
    .path()
    .then((p) => import('node:fs').then((fs) => fs.readFileSync(p!, 'utf8')));
  expect(svg).toContain('CHÍNH THỨC');
  expect(svg).toContain('Đã công nhận');
  expect(svg).toContain('data-code="');
  const pngDownload = page.waitForEvent('download');
  await figure.getByRole('button', { name: 'Tải PNG' }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toMatch(/ban-do\.png$/);
  const bytes = await png.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p!)));
  // A real PNG: the map at twice its size, with the title, stamp and legend rows around it.
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  const mapHeight = await figure
    .locator('svg')
    .first()
    .evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.height);
  expect(bytes.readUInt32BE(16)).toBe(1200);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan((mapHeight + 100) * 2);
});
