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
  for (const area of map.areas)
    p.drawSvgPath(area.d, {
      x: box.left,
      y: box.top,
      scale,
      color: hex(area.colour),
      borderColor: rgb(0.39, 0.45, 0.55),
      borderWidth: 0.3,
    });
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
}
