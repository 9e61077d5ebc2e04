import 'server-only';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { cellText } from '@/lib/domain/export-tables';
import type { BriefingContent } from './briefing';
import { drawMap } from './pdf-map';
import { fit, fontBytes, wrap } from './pdf-text';

/**
 * The briefing pack as a PDF, drawn with pdf-lib rather than by printing a page in Chromium:
 * servers need not have a browser, the output is the same everywhere, and it takes well under a
 * second. DejaVu Sans is embedded (subset), so every Vietnamese diacritic renders, offline.
 */

// A4 landscape, in points.
const W = 842;
const H = 595;
const M = 40;
const ink = rgb(0.06, 0.09, 0.16);
const muted = rgb(0.33, 0.38, 0.45);
const brand = rgb(0.12, 0.25, 0.69);
const red = rgb(0.78, 0.06, 0.18);
const line = rgb(0.89, 0.91, 0.94);
const official = rgb(0.02, 0.47, 0.34);
const provisional = rgb(0.71, 0.33, 0.04);

interface Ctx {
  doc: PDFDocument;
  regular: PDFFont;
  bold: PDFFont;
  content: BriefingContent;
}

/** A page with the running header: scope, year, data date and the official/provisional stamp. */
function page(ctx: Ctx, heading: string): PDFPage {
  const p = ctx.doc.addPage([W, H]);
  const { content } = ctx;
  p.drawText(fit(`${content.scope} · ${content.year}`, ctx.regular, 9, 500), {
    x: M,
    y: H - 24,
    size: 9,
    font: ctx.regular,
    color: muted,
  });
  p.drawText(content.dataDate, { x: M, y: H - 36, size: 9, font: ctx.regular, color: muted });
  // Two styles that cannot be confused, even in black and white: official is a solid seal,
  // provisional an outlined, dashed one.
  const stampWidth = ctx.bold.widthOfTextAtSize(content.stamp, 9) + 16;
  p.drawRectangle({
    x: W - M - stampWidth,
    y: H - 40,
    width: stampWidth,
    height: 20,
    ...(content.official
      ? { color: official }
      : { borderColor: provisional, borderWidth: 1.2, borderDashArray: [3, 2] }),
  });
  p.drawText(content.stamp, {
    x: W - M - stampWidth + 8,
    y: H - 33,
    size: 9,
    font: ctx.bold,
    color: content.official ? rgb(1, 1, 1) : provisional,
  });
  p.drawText(heading, { x: M, y: H - 72, size: 20, font: ctx.bold, color: ink });
  p.drawText(`${content.labels.page} ${ctx.doc.getPageCount()}`, {
    x: W - M - 40,
    y: 20,
    size: 8,
    font: ctx.regular,
    color: muted,
  });
  return p;
}

function cover(ctx: Ctx) {
  const p = ctx.doc.addPage([W, H]);
  const { content } = ctx;
  p.drawRectangle({ x: 0, y: 0, width: W, height: H, color: rgb(0.09, 0.15, 0.33) });
  let y = H - 160;
  for (const l of wrap(content.title, ctx.bold, 30, W - 2 * M)) {
    p.drawText(l, { x: M, y, size: 30, font: ctx.bold, color: rgb(1, 1, 1) });
    y -= 38;
  }
  p.drawText(content.subtitle, { x: M, y, size: 16, font: ctx.regular, color: rgb(0.85, 0.9, 1) });
  y -= 60;
  p.drawText(`${content.scope} · ${content.year}`, {
    x: M,
    y,
    size: 22,
    font: ctx.bold,
    color: rgb(1, 0.85, 0.3),
  });
  y -= 36;
  p.drawText(content.dataDate, { x: M, y, size: 12, font: ctx.regular, color: rgb(0.85, 0.9, 1) });
  y -= 22;
  p.drawText(content.stamp, { x: M, y, size: 12, font: ctx.bold, color: rgb(1, 1, 1) });
}

function headline(ctx: Ctx) {
  const p = page(ctx, ctx.content.labels.headline);
  const cols = 4;
  const cw = (W - 2 * M - (cols - 1) * 12) / cols;
  ctx.content.headline.forEach((item, i) => {
    const x = M + (i % cols) * (cw + 12);
    const y = H - 200 - Math.floor(i / cols) * 120;
    p.drawRectangle({
      x,
      y,
      width: cw,
      height: 96,
      borderColor: line,
      borderWidth: 1,
      color: rgb(0.98, 0.99, 1),
    });
    p.drawText(fit(item.label, ctx.regular, 11, cw - 20), {
      x: x + 10,
      y: y + 70,
      size: 11,
      font: ctx.regular,
      color: muted,
    });
    let size = 24;
    while (size > 12 && ctx.bold.widthOfTextAtSize(item.value, size) > cw - 20) size -= 1;
    p.drawText(fit(item.value, ctx.bold, size, cw - 20), {
      x: x + 10,
      y: y + 28,
      size,
      font: ctx.bold,
      color: ink,
    });
  });
  let y = H - 460;
  for (const l of wrap(ctx.content.statusLine, ctx.regular, 12, W - 2 * M)) {
    p.drawText(l, { x: M, y, size: 12, font: ctx.regular, color: ink });
    y -= 16;
  }
}

function chart(ctx: Ctx) {
  const p = page(ctx, ctx.content.labels.chart);
  const x0 = M + 40;
  const y0 = 90;
  const w = W - 2 * M - 60;
  const h = H - 220;
  const years = ctx.content.series.map((s) => s.year);
  const px = (year: number) =>
    x0 + ((year - years[0]!) / Math.max(1, years.at(-1)! - years[0]!)) * w;
  const py = (share: number) => y0 + share * h;
  for (let t = 0; t <= 4; t += 1) {
    const y = py(t / 4);
    p.drawLine({ start: { x: x0, y }, end: { x: x0 + w, y }, thickness: 0.5, color: line });
    p.drawText(`${t * 25}%`, { x: x0 - 34, y: y - 3, size: 8, font: ctx.regular, color: muted });
  }
  for (const year of years)
    p.drawText(String(year), {
      x: px(year) - 10,
      y: y0 - 16,
      size: 8,
      font: ctx.regular,
      color: muted,
    });
  const draw = (
    key: 'actual' | 'target' | 'forecast',
    color: ReturnType<typeof rgb>,
    dashed: boolean,
  ) => {
    const pts = ctx.content.series
      .filter((s) => s[key] !== null)
      .map((s) => ({ x: px(s.year), y: py(s[key]!) }));
    for (let i = 1; i < pts.length; i += 1)
      p.drawLine({
        start: pts[i - 1]!,
        end: pts[i]!,
        thickness: 2,
        color,
        dashArray: dashed ? [6, 4] : undefined,
      });
    if (key === 'actual')
      for (const pt of pts) p.drawCircle({ x: pt.x, y: pt.y, size: 2.5, color });
  };
  draw('target', red, false);
  draw('forecast', brand, true);
  draw('actual', brand, false);
  const legend: [string, ReturnType<typeof rgb>, boolean][] = [
    [ctx.content.legend.actual, brand, false],
    [ctx.content.legend.target, red, false],
    [ctx.content.legend.forecast, brand, true],
  ];
  let lx = x0;
  for (const [label, color, dashed] of legend) {
    p.drawLine({
      start: { x: lx, y: 52 },
      end: { x: lx + 24, y: 52 },
      thickness: 2,
      color,
      dashArray: dashed ? [6, 4] : undefined,
    });
    p.drawText(label, { x: lx + 30, y: 48, size: 10, font: ctx.regular, color: ink });
    lx += 50 + ctx.regular.widthOfTextAtSize(label, 10);
  }
}

/** The map page: the same shapes and colours as the page's map, its legend and note beside it. */
function mapPage(ctx: Ctx) {
  const map = ctx.content.map;
  if (map) drawMap(page(ctx, map.title), map, ctx.regular, { top: H - 90, left: M, right: W - M });
}

function table(ctx: Ctx) {
  const { table: t, locale } = { table: ctx.content.table, locale: ctx.content.locale };
  const widths = t.columns.map((c) => (c.kind === 'text' ? 3 : 1.4));
  const total = widths.reduce((a, b) => a + b, 0);
  const colW = widths.map((wd) => (wd / total) * (W - 2 * M));
  const rowH = 16;
  let p = page(ctx, ctx.content.labels.table);
  let y = H - 100;
  // Column headers wrap onto as many lines as they need: a header is never cut.
  const headerLines = t.columns.map((c, i) => wrap(c.header[locale], ctx.bold, 8, colW[i]! - 4));
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * 10;
  const header = () => {
    let x = M;
    headerLines.forEach((lines, i) => {
      lines.forEach((l, k) =>
        p.drawText(l, { x: x + 2, y: y - k * 10, size: 8, font: ctx.bold, color: ink }),
      );
      x += colW[i]!;
    });
    y -= headerHeight - 10 + rowH;
  };
  header();
  for (const row of t.rows) {
    if (y < 40) {
      p = page(ctx, ctx.content.labels.table);
      y = H - 100;
      header();
    }
    let x = M;
    row.forEach((value, i) => {
      const s = fit(cellText(value, t.columns[i]!.kind, locale), ctx.regular, 8, colW[i]! - 4);
      p.drawText(s, { x: x + 2, y, size: 8, font: ctx.regular, color: ink });
      x += colW[i]!;
    });
    p.drawLine({
      start: { x: M, y: y - 4 },
      end: { x: W - M, y: y - 4 },
      thickness: 0.3,
      color: line,
    });
    y -= rowH;
  }
}

function list(ctx: Ctx, heading: string, lines: string[]) {
  let p = page(ctx, heading);
  let y = H - 104;
  if (lines.length === 0)
    p.drawText(ctx.content.labels.none, { x: M, y, size: 11, font: ctx.regular, color: muted });
  for (const entry of lines)
    for (const l of wrap(`• ${entry}`, ctx.regular, 10, W - 2 * M)) {
      if (y < 40) {
        p = page(ctx, heading);
        y = H - 104;
      }
      p.drawText(l, { x: M, y, size: 10, font: ctx.regular, color: ink });
      y -= 14;
    }
}

function criteria(ctx: Ctx) {
  const p = page(ctx, ctx.content.labels.criteria);
  const rows = ctx.content.criteria;
  if (rows.length === 0) {
    p.drawText(ctx.content.labels.none, {
      x: M,
      y: H - 104,
      size: 11,
      font: ctx.regular,
      color: muted,
    });
    return;
  }
  const labelW = 380;
  const barW = W - 2 * M - labelW - 60;
  rows.forEach((r, i) => {
    const y = H - 110 - i * 40;
    p.drawText(fit(r.label, ctx.regular, 10, labelW - 10), {
      x: M,
      y: y + 4,
      size: 10,
      font: ctx.regular,
      color: ink,
    });
    p.drawRectangle({ x: M + labelW, y, width: barW, height: 16, color: rgb(0.95, 0.96, 0.98) });
    p.drawRectangle({
      x: M + labelW,
      y,
      width: Math.max(1, barW * r.share),
      height: 16,
      color: brand,
    });
    p.drawText(
      `${(r.share * 100).toFixed(1).replace('.', ctx.content.locale === 'vi' ? ',' : '.')}%`,
      { x: M + labelW + barW + 6, y: y + 4, size: 10, font: ctx.bold, color: ink },
    );
  });
}

export async function briefingPdf(content: BriefingContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = fontBytes();
  const ctx: Ctx = {
    doc,
    regular: await doc.embedFont(bytes.regular, { subset: true }),
    bold: await doc.embedFont(bytes.bold, { subset: true }),
    content,
  };
  doc.setTitle(`${content.title} · ${content.scope} · ${content.year}`);
  doc.setAuthor('Kiểu Mẫu');
  doc.setLanguage(content.locale === 'vi' ? 'vi-VN' : 'en-GB');
  cover(ctx);
  headline(ctx);
  chart(ctx);
  mapPage(ctx);
  table(ctx);
  list(ctx, content.labels.nearMisses, content.nearMisses);
  criteria(ctx);
  // The appendix: how the figures are counted, and where they come from.
  list(ctx, content.method.title, [
    ...content.method.notes,
    `${content.method.source} ${content.dataDate}. ${content.stamp}.`,
  ]);
  return doc.save();
}
