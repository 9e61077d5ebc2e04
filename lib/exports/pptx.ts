import 'server-only';
import PptxGenJS from 'pptxgenjs';
import { pathRings } from '@/lib/maps/path';
import { cellText, type BriefingContent } from './briefing';

/**
 * The briefing pack as slides, the same six parts as the PDF. Text is set in Arial, which every
 * Office and LibreOffice install has with Vietnamese glyphs (pptxgenjs cannot embed fonts).
 */
const FONT = 'Arial';
const BRAND = '1E40AF';
const RED = 'C8102E';
const ROWS_PER_SLIDE = 14;

export async function briefingPptx(content: BriefingContent): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `${content.title} · ${content.scope} · ${content.year}`;
  pptx.author = 'Kiểu Mẫu';

  const frame = (heading: string) => {
    const slide = pptx.addSlide();
    slide.addText(`${content.scope} · ${content.year} · ${content.dataDate}`, {
      x: 0.4,
      y: 0.15,
      w: 9,
      h: 0.3,
      fontFace: FONT,
      fontSize: 10,
      color: '64748B',
    });
    slide.addText(content.stamp, {
      x: 10.2,
      y: 0.12,
      w: 2.8,
      h: 0.35,
      fontFace: FONT,
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
    fontSize: 18,
    color: 'DBEAFE',
  });
  cover.addText(`${content.scope} · ${content.year}`, {
    x: 0.6,
    y: 3.8,
    w: 12,
    h: 0.7,
    fontFace: FONT,
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
  chart.addChart(
    pptx.ChartType.line,
    [
      series(content.legend.actual, 'actual'),
      series(content.legend.target, 'target'),
      series(content.legend.forecast, 'forecast'),
    ],
    {
      x: 0.4,
      y: 1.3,
      w: 12.5,
      h: 5.6,
      chartColors: [BRAND, RED, '60A5FA'],
      lineDataSymbol: 'circle',
      lineSize: 2,
      showLegend: true,
      legendPos: 'b',
      legendFontFace: FONT,
      catAxisLabelFontFace: FONT,
      valAxisLabelFontFace: FONT,
      valAxisMaxVal: 100,
      valAxisMinVal: 0,
      valAxisLabelFormatCode: '0"%"',
      displayBlanksAs: 'gap',
    },
  );

  const t = content.table;
  const rows = t.rows.length ? t.rows : [t.columns.map(() => null)];
  for (let start = 0; start < rows.length; start += ROWS_PER_SLIDE) {
    const slide = frame(content.labels.table);
    const header = t.columns.map((c) => ({
      text: c.header[content.locale],
      options: { bold: true, fill: { color: 'F1F5F9' } },
    }));
    const body = rows
      .slice(start, start + ROWS_PER_SLIDE)
      .map((row) => row.map((v, i) => ({ text: cellText(v, t.columns[i]!.kind, content.locale) })));
    slide.addTable([header, ...body], {
      x: 0.4,
      y: 1.3,
      w: 12.5,
      fontFace: FONT,
      fontSize: 10,
      border: { type: 'solid', color: 'E2E8F0', pt: 0.5 },
      autoPage: false,
    });
  }

  const near = frame(content.labels.nearMisses);
  near.addText(
    content.nearMisses.length
      ? content.nearMisses
          .slice(0, 12)
          .concat(content.nearMisses.length > 12 ? [content.nearMore(12)] : [])
          .map((l) => ({ text: l, options: { bullet: true, breakLine: true } }))
      : content.labels.none,
    {
      x: 0.4,
      y: 1.3,
      w: 12.5,
      h: 5.8,
      fontFace: FONT,
      fontSize: 12,
      valign: 'top',
      color: '0F172A',
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
      fontSize: 14,
    });

  if (content.map) {
    // The map slide: one custom shape per unit, the same shapes and colours as the page's map.
    const map = content.map;
    const slide = frame(map.title);
    const scale = Math.min(9 / map.width, 5.6 / map.height);
    for (const area of map.areas) {
      const rings = pathRings(area.d);
      if (!rings.length) continue;
      // The enum's typings lack the custom geometry pptxgenjs draws ('custGeom').
      slide.addShape('custGeom' as PptxGenJS.ShapeType, {
        x: 0.4,
        y: 1.3,
        w: map.width * scale,
        h: map.height * scale,
        fill: { color: area.colour.slice(1).toUpperCase() },
        line: { color: '64748B', width: 0.25 },
        points: rings.flatMap((ring) => [
          ...ring.map(([x, y], i) => ({ x: x * scale, y: y * scale, moveTo: i === 0 })),
          { close: true as const },
        ]),
      });
    }
    slide.addText(
      map.legend.map((item) => ({
        text: `■ ${item.label} (${item.count})`,
        options: { color: item.colour.slice(1).toUpperCase(), breakLine: true },
      })),
      { x: 9.7, y: 1.4, w: 3.3, h: 3, fontFace: FONT, fontSize: 12, valign: 'top' },
    );
    slide.addText(map.note, {
      x: 9.7,
      y: 4.6,
      w: 3.3,
      h: 1,
      fontFace: FONT,
      fontSize: 10,
      color: '64748B',
      valign: 'top',
    });
  }

  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}

/**
 * Slides the pack has for a table of `rows` rows: cover, headline, chart, table pages, near
 * misses, criteria, and the map when the scope has one.
 */
export function expectedSlideCount(rows: number, map = true): number {
  return 5 + Math.max(1, Math.ceil(rows / ROWS_PER_SLIDE)) + (map ? 1 : 0);
}
