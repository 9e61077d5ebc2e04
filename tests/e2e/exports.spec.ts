import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Download, type Locator, type Page } from './fixtures';
import { signIn } from './helpers';

async function bytes(download: Download): Promise<Buffer> {
  return fs.readFileSync((await download.path())!);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The size a chart has on screen and the size of the PNG its download button gives. */
async function chartAndPng(page: Page, figure: Locator) {
  const chart = figure.locator('[data-chart] > svg');
  await expect(chart).toBeVisible();
  const box = await chart.evaluate((svg) => ({
    width: (svg as SVGSVGElement).width.baseVal.value,
    height: (svg as SVGSVGElement).height.baseVal.value,
  }));
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: 'Tải PNG' }).click(),
  ]);
  return { box, size: pngSize(await bytes(png)) };
}

test('a leader downloads a PNG, an XLSX, a PDF and a PPTX with the dashboard’s numbers', async ({
  page,
}) => {
  await signIn(page, 'lanhdao@example.vn');
  await page.goto('/dashboard?year=2026');
  const { box, size } = await chartAndPng(
    page,
    page.locator('figure[aria-labelledby="progress-chart-title"]'),
  );
  // 2× resolution, with a header (title, scope, date, stamp) and a legend around the chart.
  expect(size.width).toBe(Math.round(box.width) * 2);
  expect(size.height).toBeGreaterThan(box.height * 2);

  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải SVG' }).first().click(),
  ]);
  const svgText = (await bytes(svg)).toString('utf8');
  expect(svgText).toContain('CHÍNH THỨC');
  expect(svgText).toContain('Đường mục tiêu');

  const provinces = page.getByRole('region', { name: 'Các tỉnh, thành phố' });
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    provinces.getByRole('link', { name: 'Tải XLSX' }).click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Uint8Array.from(await bytes(xlsx)).buffer);
  const sheet = book.getWorksheet('Số liệu')!;
  // The Thanh Hóa row of the sheet says what the screen's Thanh Hóa row says (the screen puts
  // share, verdict, pace, target and projection first, then the counts).
  const screenRow = page.getByRole('row', { name: /^Thanh Hoá/ });
  const screenWards = Number(
    (await screenRow.getByRole('cell').nth(5).textContent())!.replace(/\D/g, ''),
  );
  const screenCounted = Number(
    (await screenRow.getByRole('cell').nth(7).textContent())!.replace(/\D/g, ''),
  );
  let found = false;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === 'Thanh Hoá') {
      found = true;
      expect([row.getCell(2).value, row.getCell(4).value]).toEqual([screenWards, screenCounted]);
    }
  });
  expect(found).toBe(true);

  await page.goto('/reports');
  await page.getByLabel('Phạm vi', { exact: true }).selectOption('38');
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải bản PDF' }).click(),
  ]);
  const pdfBytes = await bytes(pdf);
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  // The briefing form's status, not the scheduled reports' form below it.
  await expect(page.getByRole('status').first()).toHaveText(/Đã tạo bao-cao-kieu-mau-38-/);
  // A page of the briefing, read as a reader would: A4 landscape, the province, the stamp and
  // the page's own headline figure.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdfBytes) }).promise;
  const headline = await doc.getPage(2);
  const [, , w, h] = headline.view;
  expect([Math.round(w!), Math.round(h!)]).toEqual([842, 595]);
  const text = (await headline.getTextContent()).items
    .map((i) => ('str' in i ? i.str : ''))
    .join(' ');
  expect(text).toContain('Tỉnh Thanh Hoá');
  expect(text).toContain('CHÍNH THỨC');
  expect(text).toContain('Phường trong phạm vi');
  const [pptx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải bản PPTX' }).click(),
  ]);
  expect((await bytes(pptx)).subarray(0, 2).toString()).toBe('PK');
  // The official report: a Word document named for the province and year.
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải Báo cáo (DOCX)' }).click(),
  ]);
  expect(docx.suggestedFilename()).toMatch(/^bao-cao-kieu-mau-38-\d{4}\.docx$/);
  expect((await bytes(docx)).subarray(0, 2).toString()).toBe('PK');
});

test('the criteria chart PNG holds the whole chart at 2×, title and stamp above it, never over it', async ({
  page,
}) => {
  await signIn(page, 'lanhdao@example.vn');
  await page.goto('/dashboard?year=2026&basis=provisional');
  const figure = page.locator('figure[aria-labelledby="criteria-chart-title"]');
  const { box, size } = await chartAndPng(page, figure);
  expect(size.width).toBe(Math.max(480, Math.round(box.width)) * 2);
  // Header (wrapped title, scope and date, stamp on its own line) + chart + legend + source.
  expect(size.height).toBeGreaterThan((box.height + 120) * 2);
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: 'Tải SVG' }).click(),
  ]);
  const text = (await bytes(svg)).toString('utf8');
  expect(text).toContain('TẠM TÍNH');
  expect(text).toContain('stroke-dasharray="5 3"'); // the provisional stamp's own style
  expect(text).toContain('Nguồn: hệ thống Kiểu Mẫu');
  expect(text).toMatch(/<svg[^>]+font-family="Inter/);
});

test('the dashboard prints on A4 landscape: content only, data date and stamp included', async ({
  page,
}) => {
  await signIn(page, 'lanhdao@example.vn');
  await page.goto('/dashboard?year=2026');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Tải PNG' }).first()).toBeHidden();
  const stampLine = page.locator('p', { hasText: /Số liệu đến/ }).first();
  await expect(stampLine).toBeVisible();
  await expect(stampLine).toContainText('CHÍNH THỨC');
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  expect(box).not.toBeNull();
  // A4 landscape: 842 × 595 points.
  expect(Math.round(Number(box![1]))).toBe(842);
  expect(Math.round(Number(box![2]))).toBe(595);
});
