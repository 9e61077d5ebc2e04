import 'server-only';
import type PptxGenJS from 'pptxgenjs';
import { pathRings } from '@/lib/maps/path';
import type { BriefingMap } from './briefing';

/** Arial: every Office and LibreOffice install has it with Vietnamese glyphs. */
export const FONT = 'Arial';

/**
 * The map slide's drawing: one custom shape per unit (the page's shapes and colours), far
 * islands in framed insets, names where they fit, the legend with its counts.
 */
export function drawMap(pptx: PptxGenJS, slide: PptxGenJS.Slide, map: BriefingMap, lang: string) {
  const scale = Math.min(9 / map.width, 5.6 / map.height);
  const X = 0.4;
  const Y = 1.3;
  for (const f of map.insets) {
    slide.addShape(pptx.ShapeType.rect, {
      x: X + f.x * scale,
      y: Y + f.y * scale,
      w: f.width * scale,
      h: f.height * scale,
      fill: { color: 'F1F5F9' },
      line: { color: '94A3B8', width: 0.75 },
    });
    slide.addText(f.label, {
      x: X + f.x * scale,
      y: Y + f.y * scale,
      w: f.width * scale,
      h: 0.22,
      fontFace: FONT,
      lang,
      fontSize: 8,
      color: '334155',
      margin: 2,
    });
  }
  for (const area of map.areas) {
    const rings = pathRings(area.d);
    if (!rings.length) continue;
    // The enum's typings lack the custom geometry pptxgenjs draws ('custGeom').
    slide.addShape('custGeom' as PptxGenJS.ShapeType, {
      x: X,
      y: Y,
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
  for (const l of map.labels)
    slide.addText(l.text, {
      x: X + l.x * scale - 0.6,
      y: Y + l.y * scale - 0.1,
      w: 1.2,
      h: 0.2,
      align: 'center',
      valign: 'middle',
      margin: 0,
      fontFace: FONT,
      lang,
      fontSize: l.numbered ? 6 : 7,
      color: '0F172A',
    });
  // The legend: a swatch drawn as a shape (a white category shows its border), dark text.
  map.legend.forEach((item, i) => {
    slide.addShape(pptx.ShapeType.rect, {
      x: 9.7,
      y: 1.45 + i * 0.34,
      w: 0.3,
      h: 0.2,
      fill: { color: item.colour.slice(1).toUpperCase() },
      line: { color: '64748B', width: 0.5 },
    });
    slide.addText(`${item.label} (${item.count})`, {
      x: 10.1,
      y: 1.38 + i * 0.34,
      w: 3,
      h: 0.34,
      fontFace: FONT,
      lang,
      fontSize: 12,
      color: '0F172A',
      valign: 'middle',
    });
  });
  const below = 1.5 + map.legend.length * 0.34;
  slide.addText(
    [
      { text: map.note, options: { breakLine: true } },
      ...(map.numbered.length
        ? [
            { text: map.keyTitle, options: { bold: true, breakLine: true } },
            { text: map.numbered.map((k) => `${k.number}. ${k.name}`).join(' · ') },
          ]
        : []),
    ],
    {
      x: 9.7,
      y: below,
      w: 3.4,
      h: 7.2 - below,
      fontFace: FONT,
      lang,
      fontSize: map.numbered.length > 40 ? 6 : 9,
      color: '64748B',
      valign: 'top',
      fit: 'shrink',
    },
  );
}
