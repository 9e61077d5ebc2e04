import 'server-only';
import PptxGenJS from 'pptxgenjs';
import { cellText } from '@/lib/domain/export-tables';
import type { BriefingContent } from './briefing';
import { FONT, drawMap } from './pptx-map';

/**
 * The briefing pack as slides, the same parts in the same order as the PDF (cover, headline,
 * chart, map, table, near misses, criteria). Text is set in Arial, which every
 * Office and LibreOffice install has with Vietnamese glyphs (pptxgenjs cannot embed fonts).
 */
const BRAND = '1E40AF';
const RED = 'C8102E';
const ROWS_PER_SLIDE = 14;

export async function briefingPptx(content: BriefingContent): Promise<Buffer> {
  // Every run of text is tagged with the pack's language (spell-checking, screen readers).
  const lang = content.locale === 'vi' ? 'vi-VN' : 'en-GB';
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `${content.title} · ${content.scope} · ${content.year}`;
  pptx.author = 'Kiểu Mẫu';

  // Every slide's notes say how its figures are counted and where they come from.
  const method = [
    content.method.title,
    ...content.method.notes,
    `${content.method.source} ${content.dataDate}. ${content.stamp}.`,
  ].join('\n\n');
  const frame = (heading: string) => {
    const slide = pptx.addSlide();
    slide.addNotes(method);
    slide.addText(`${content.scope} · ${content.year} · ${content.dataDate}`, {
      x: 0.4,
      y: 0.15,
      w: 9,
      h: 0.3,
      fontFace: FONT,
      lang,
      fontSize: 10,
      color: '64748B',
    });
    slide.addText(content.stamp, {
      x: 10.2,
      y: 0.12,
      w: 2.8,
      h: 0.35,
      fontFace: FONT,
      lang,
      fontSize: 10,
      bold: true,
      align: 'center',
      color: content.official ? BRAND : RED,
      line: { color: content.official ? BRAND : RED, width: 1 },
    });
    slide.addText(heading, {
      x: 0.4,
      y: 0.55,
      w: 12.5,
      h: 0.6,
      fontFace: FONT,
      lang,
      fontSize: 24,
      bold: true,
      color: '0F172A',
    });
    return slide;
  };

  const cover = pptx.addSlide();
  cover.background = { color: '172554' };
  cover.addText(content.title, {
    x: 0.6,
    y: 1.4,
    w: 12,
    h: 1.4,
    fontFace: FONT,
    lang,
    fontSize: 34,
    bold: true,
    color: 'FFFFFF',
  });
  cover.addText(content.subtitle, {
    x: 0.6,
    y: 2.8,
    w: 12,
    h: 0.5,
    fontFace: FONT,
    lang,
    fontSize: 18,
    color: 'DBEAFE',
  });
  cover.addText(`${content.scope} · ${content.year}`, {
    x: 0.6,
    y: 3.8,
    w: 12,
    h: 0.7,
    fontFace: FONT,
    lang,
    fontSize: 26,
    bold: true,
    color: 'FCD34D',
  });
  cover.addText(`${content.dataDate}\n${content.stamp}`, {
    x: 0.6,
    y: 4.7,
    w: 12,
    h: 0.9,
    fontFace: FONT,
    lang,
    fontSize: 14,
    color: 'FFFFFF',
  });

  const head = frame(content.labels.headline);
  content.headline.forEach((item, i) => {
    const x = 0.4 + (i % 4) * 3.15;
    const y = 1.5 + Math.floor(i / 4) * 1.9;
    head.addText(
      [
        { text: item.label, options: { fontSize: 12, color: '475569', breakLine: true } },
        { text: item.value, options: { fontSize: 26, bold: true, color: '0F172A' } },
      ],
      {
        x,
        y,
        w: 3,
        h: 1.6,
        fontFace: FONT,
        lang,
        valign: 'middle',
        fill: { color: 'F8FAFC' },
        line: { color: 'E2E8F0', width: 1 },
      },
    );
  });
  head.addText(content.statusLine, {
    x: 0.4,
    y: 5.5,
    w: 12.5,
    h: 0.8,
    fontFace: FONT,
    lang,
    fontSize: 14,
    color: '0F172A',
  });

  const chart = frame(content.labels.chart);
  const labels = content.series.map((s) => String(s.year));
  const series = (name: string, key: 'actual' | 'target' | 'forecast') => ({
    name,
    labels,
    values: content.series.map((s) =>
      s[key] === null ? null : Math.round(s[key]! * 1000) / 10,
    ) as number[],
  });
  // Two line groups, so the forecast is dashed as on the page (a chart's dash applies to a group).
  chart.addChart(
    [
      {
        type: pptx.ChartType.line,
        data: [series(content.legend.actual, 'actual'), series(content.legend.target, 'target')],
        options: { chartColors: [BRAND, RED], lineDataSymbol: 'circle', lineSize: 2 },
      },
      {
        type: pptx.ChartType.line,
        data: [series(content.legend.forecast, 'forecast')],
        options: {
          chartColors: [BRAND],
          lineDataSymbol: 'none',
          lineSize: 2,
          lineDash: 'dash',
        },
      },
    ],
    // For several chart types pptxgenjs takes the options as its second argument.
    {
      x: 0.4,
      y: 1.3,
      w: 12.5,
      h: 5.6,
      lang,
      showLegend: true,
      legendPos: 'b',
      legendFontFace: FONT,
      catAxisLabelFontFace: FONT,
      valAxisLabelFontFace: FONT,
      valAxisMaxVal: 100,
      valAxisMinVal: 0,
      valAxisLabelFormatCode: '0"%"',
      displayBlanksAs: 'gap',
    } as unknown as PptxGenJS.OptsChartData[],
  );

  // The map, fourth as in the PDF.
  if (content.map) drawMap(pptx, frame(content.map.title), content.map, lang);

  const t = content.table;
  const rows = t.rows.length ? t.rows : [t.columns.map(() => null)];
  for (let start = 0; start < rows.length; start += ROWS_PER_SLIDE) {
    const slide = frame(content.labels.table);
    const header = t.columns.map((c) => ({
      text: c.header[content.locale],
      options: { bold: true, fill: { color: 'F1F5F9' }, lang },
    }));
    const body = rows.slice(start, start + ROWS_PER_SLIDE).map((row) =>
      row.map((v, i) => ({
        text: cellText(v, t.columns[i]!.kind, content.locale),
        options: { lang },
      })),
    );
    slide.addTable([header, ...body], {
      x: 0.4,
      y: 1.3,
      w: 12.5,
      fontFace: FONT,
      lang,
      fontSize: 10,
      border: { type: 'solid', color: 'E2E8F0', pt: 0.5 },
      autoPage: false,
    });
  }

  const near = frame(content.labels.nearMisses);
  // The same list as the PDF's: the closest ones and where the rest are.
  near.addText(
    content.nearMisses.length
      ? content.nearMisses.map((l) => ({ text: l, options: { bullet: true, breakLine: true } }))
      : content.labels.none,
    {
      x: 0.4,
      y: 1.3,
      w: 12.5,
      h: 5.8,
      fontFace: FONT,
      lang,
      fontSize: content.nearMisses.length > 12 ? 9 : 12,
      valign: 'top',
      color: '0F172A',
      fit: 'shrink',
    },
  );

  const crit = frame(content.labels.criteria);
  if (content.criteria.length)
    crit.addChart(
      pptx.ChartType.bar,
      [
        {
          name: '%',
          // PowerPoint draws horizontal bars from the bottom up: given in reverse, the most
          // missed criterion comes first at the top, as on the page.
          labels: content.criteria.map((c) => c.label).reverse(),
          values: content.criteria.map((c) => Math.round(c.share * 1000) / 10).reverse(),
        },
      ],
      {
        x: 0.4,
        y: 1.3,
        w: 12.5,
        h: 5.8,
        barDir: 'bar',
        lang,
        chartColors: [BRAND],
        valAxisMaxVal: 100,
        valAxisMinVal: 0,
        valAxisLabelFormatCode: '0"%"',
        dataLabelFormatCode: '0.0"%"',
        catAxisLabelFontFace: FONT,
        valAxisLabelFontFace: FONT,
        catAxisLabelFontSize: 10,
        showValue: true,
        dataLabelFontFace: FONT,
      },
    );
  else
    crit.addText(content.labels.none, {
      x: 0.4,
      y: 1.3,
      w: 12.5,
      h: 1,
      fontFace: FONT,
      lang,
      fontSize: 14,
    });

  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}

/**
 * Slides the pack has for a table of `rows` rows: cover, headline, chart, table pages, near
 * misses, criteria, and the map when the scope has one.
 */
export function expectedSlideCount(rows: number, map = true): number {
  return 5 + Math.max(1, Math.ceil(rows / ROWS_PER_SLIDE)) + (map ? 1 : 0);
}
