import 'server-only';
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { BriefingMap } from './briefing';
import { wrap } from './pdf-text';

const ink = rgb(0.06, 0.09, 0.16);
const muted = rgb(0.33, 0.38, 0.45);

/** "#166534" as a pdf-lib colour. */
function hex(colour: string) {
  const n = Number.parseInt(colour.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/**
 * Draws a briefing's map on its page: each unit's SVG path (pdf-lib reads SVG path data) in its
 * colour, scaled to the space under the heading, and the legend and note in a column beside it.
 */
export function drawMap(
  p: PDFPage,
  map: BriefingMap,
  font: PDFFont,
  box: { top: number; left: number; right: number },
) {
  const legendW = 230;
  const scale = Math.min((box.right - box.left - legendW) / map.width, (box.top - 40) / map.height);
  // SVG coordinates (y down from the map's top) to the page's (y up).
  const at = (x: number, y: number) => ({ x: box.left + x * scale, y: box.top - y * scale });
  for (const f of map.insets) {
    const corner = at(f.x, f.y + f.height);
    p.drawRectangle({
      ...corner,
      width: f.width * scale,
      height: f.height * scale,
      color: rgb(0.95, 0.96, 0.98),
      borderColor: rgb(0.58, 0.64, 0.72),
      borderWidth: 0.6,
    });
    p.drawText(f.label, { ...at(f.x + 4, f.y + 11), size: 7, font, color: muted });
  }
  for (const area of map.areas)
    p.drawSvgPath(area.d, {
      x: box.left,
      y: box.top,
      scale,
      color: hex(area.colour),
      borderColor: rgb(0.39, 0.45, 0.55),
      borderWidth: 0.3,
    });
  // Names where they fit, numbers elsewhere (the key is under the legend).
  for (const l of map.labels) {
    const size = (l.numbered ? 6.5 : 7.5) * Math.max(0.8, scale);
    const width = font.widthOfTextAtSize(l.text, size);
    const spot = at(l.x, l.y);
    p.drawText(l.text, { x: spot.x - width / 2, y: spot.y - size / 3, size, font, color: ink });
  }
  let y = box.top - 10;
  const lx = box.right - legendW + 20;
  for (const item of map.legend) {
    p.drawRectangle({
      x: lx,
      y: y - 2,
      width: 18,
      height: 10,
      color: hex(item.colour),
      borderColor: muted,
      borderWidth: 0.5,
    });
    for (const text of wrap(`${item.label} (${item.count})`, font, 10, legendW - 44)) {
      p.drawText(text, { x: lx + 26, y, size: 10, font, color: ink });
      y -= 13;
    }
    y -= 5;
  }
  for (const text of wrap(map.note, font, 8, legendW - 20)) {
    p.drawText(text, { x: lx, y: y - 6, size: 8, font, color: muted });
    y -= 11;
  }
  if (map.numbered.length) {
    y -= 8;
    p.drawText(map.keyTitle, { x: lx, y, size: 8, font, color: ink });
    y -= 10;
    const line = map.numbered.map((k) => `${k.number}. ${k.name}`).join(' · ');
    for (const text of wrap(line, font, 6.5, legendW - 20)) {
      if (y < 30) break;
      p.drawText(text, { x: lx, y, size: 6.5, font, color: muted });
      y -= 8;
    }
  }
}
