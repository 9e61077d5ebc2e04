import { expect, test, type Locator, type Page } from './fixtures';
import { signIn } from './helpers';

/**
 * What a leader prints and what they see on a phone. Printing is emulated in the browser, each
 * chart and map is photographed as printed and must carry ink (drawn, not collapsed), legend
 * swatches stay small, and the printed PDF starts with the page's content on its first page. At
 * 390 px the verdict sits in the first screen.
 */

/** The share of a picture's pixels that are not (near) white: ink. */
async function ink(page: Page, picture: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, image.width, image.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) inked += 1;
    return inked / (data.length / 4);
  }, picture.toString('base64'));
}

async function printedInk(page: Page, figure: Locator, label: string) {
  await figure.scrollIntoViewIfNeeded();
  const box = (await figure.boundingBox())!;
  expect(box.height, `${label} keeps its height in print`).toBeGreaterThan(150);
  const share = await ink(page, await figure.screenshot());
  expect(share, `${label} is drawn in print`).toBeGreaterThan(0.03);
}

/** The printed PDF's pages as text, by pdf.js. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    // Pieces of text that touch on a line are one word: a letter the page's font lacks (a
    // Vietnamese capital in an older Liberation Serif) comes from a fallback font as its own piece.
    let text = '';
    let end: { x: number; y: number } | null = null;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [, , , , x, y] = item.transform as number[];
      const touches = end && Math.abs(y! - end.y) < 1 && Math.abs(x! - end.x) < 0.5;
      text += (text && !touches ? ' ' : '') + item.str;
      end = item.hasEOL ? null : { x: x! + item.width, y: y! };
    }
    pages.push(text.replace(/\s+/g, ' '));
  }
  return pages;
}

test('the dashboard and a province page print with their charts and maps drawn', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, 'lanhdao@example.vn');
  for (const path of ['/dashboard?year=2026', '/provinces/79?year=2025']) {
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-map] svg path').first()).toBeAttached();
    await page.emulateMedia({ media: 'print' });
    await printedInk(page, page.locator('[data-chart="progress"]'), `${path} progress chart`);
    await printedInk(page, page.locator('[data-chart="criteria"]'), `${path} criteria chart`);
    await printedInk(page, page.locator('[data-map]').first(), `${path} map`);
    // Legend swatches stay swatches: no icon blown up over the cards.
    for (const icon of await page.locator('figure ul svg').all()) {
      const box = (await icon.boundingBox())!;
      expect(box.height, `${path} legend icon`).toBeLessThan(20);
    }
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = await pdfPages(pdf);
    // The first page carries the title and the verdict, not a blank sheet; pages are numbered.
    expect(pages[0], `${path} page 1`).toMatch(/Kết luận năm \d{4}/);
    expect(pages[1], `${path} page 2`).toContain(`2 / ${pages.length}`);
    await page.emulateMedia({ media: 'screen' });
  }
});

test('a ward sheet prints from its first page', async ({ page }) => {
  await signIn(page, 'thanhhoa@example.vn');
  await page.goto('/wards?q=ngoc%20son');
  await page.getByRole('link', { name: 'Phường Ngọc Sơn', exact: true }).click();
  await page.getByRole('link', { name: 'Mở phiếu năm 2026' }).click();
  await expect(page).toHaveURL(/\/2026/);
  await expect(page.getByRole('listitem', { name: /^1\./ })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pages[0]).toContain('Ngọc Sơn');
  // Page 1 holds criteria, not just the heading above a section pushed to page 2.
  expect(pages[0]).toMatch(/\b1\.\s/);
});

test('"In phiếu": the dossier on A4 portrait as an administrative document, no form controls', async ({
  page,
}) => {
  await signIn(page, 'thanhhoa@example.vn');
  await page.goto('/wards?q=ngoc%20son');
  await page.getByRole('link', { name: 'Phường Ngọc Sơn', exact: true }).click();
  await page.getByRole('link', { name: 'Mở phiếu năm 2026' }).click();
  await page.getByRole('link', { name: 'In phiếu' }).click();
  await expect(page).toHaveURL(/\/2026\/print$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phiếu tự đánh giá');
  await expect(page.getByTestId('dossier-criteria').locator('tbody tr')).toHaveCount(22);
  await expect(page.locator('article select, article textarea, article input')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = await pdfPages(pdf);
  // The header block, the title and the first criteria on page 1; the signature lines at the end;
  // pages numbered at the top from the second.
  expect(pages[0]).toMatch(/CÔNG AN TỈNH THANH HOÁ/);
  expect(pages[0]).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  expect(pages[0]).toMatch(/Độc lập - Tự do - Hạnh phúc/);
  expect(pages[0]).toMatch(/PHIẾU TỰ ĐÁNH GIÁ/);
  expect(pages.at(-1)).toMatch(/TRƯỞNG CÔNG AN PHƯỜNG/);
  expect(pages[0]).not.toMatch(/^\s*1\b/);
  if (pages[1]) expect(pages[1]).toMatch(/^\s*2\b/);
  expect(pages.length).toBeLessThanOrEqual(6);
  // Portrait A4: 595 × 842 points.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  const [, , w, h] = (await doc.getPage(1)).view;
  expect([Math.round(w!), Math.round(h!)]).toEqual([595, 842]);
});

test('on a 390 px phone the verdict is in the first screen, and tables keep names in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'lanhdao@example.vn');
  for (const path of ['/dashboard?year=2026', '/provinces/79?year=2025']) {
    await page.goto(path);
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toBeVisible();
    const box = (await verdict.boundingBox())!;
    expect(box.y + Math.min(box.height, 120), `${path}: verdict in the first screen`).toBeLessThan(
      844,
    );
  }
  await page.goto('/dashboard?year=2026');
  // The province table, and the figure tables (comparison over the years, completeness), whose
  // nation's line keeps its name in view too.
  for (const [name, row] of [
    ['provinces', 0],
    ['comparison', 0],
    ['completeness', -1],
  ] as const) {
    const table = page.locator(`table[data-table="${name}"]`);
    await table.scrollIntoViewIfNeeded();
    const header = table.getByRole('rowheader').nth(row);
    const before = (await header.boundingBox())!.x;
    await table.evaluate((t) => t.parentElement!.scrollBy({ left: 400 }));
    await page.waitForTimeout(100);
    expect(Math.abs((await header.boundingBox())!.x - before), name).toBeLessThan(2);
    // The figures did scroll under it.
    expect(await table.evaluate((t) => t.parentElement!.scrollLeft), name).toBeGreaterThan(0);
  }
});
