import 'server-only';
import sharp from 'sharp';
import type { BriefingContent, BriefingMap } from './briefing';

/**
 * The report's pictures, drawn as SVG from the briefing's own content (the same series and map
 * model as the page) and rasterised with sharp, so Word and LibreOffice show them alike.
 */

const esc = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const COLOURS = { actual: '#1e40af', target: '#b45309', forecast: '#64748b' };

/** Share of wards meeting the standard by year, against the target, with the forecast dashed. */
export function seriesChartSvg(content: BriefingContent): {
  svg: string;
  width: number;
  height: number;
} {
  const width = 1200;
  const height = 620;
  const pad = { left: 90, right: 50, top: 30, bottom: 110 };
  const years = content.series.map((s) => s.year);
  const x = (i: number) =>
    pad.left + (years.length <= 1 ? 0 : (i * (width - pad.left - pad.right)) / (years.length - 1));
  const y = (share: number) => pad.top + (1 - share) * (height - pad.top - pad.bottom);
  const line = (key: 'actual' | 'target' | 'forecast') => {
    const points = content.series
      .map((s, i) => (s[key] === null ? null : `${x(i).toFixed(1)},${y(s[key]).toFixed(1)}`))
      .filter(Boolean);
    return points.length > 1
      ? `<polyline fill="none" stroke="${COLOURS[key]}" stroke-width="5" ${key === 'forecast' ? 'stroke-dasharray="14 10"' : ''} points="${points.join(' ')}"/>`
      : '';
  };
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (v) =>
        `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="#cbd5e1" stroke-width="2"/>` +
        `<text x="${pad.left - 14}" y="${y(v) + 9}" text-anchor="end" font-size="26">${Math.round(v * 100)}%</text>`,
    )
    .join('');
  const labels = years
    .map(
      (year, i) =>
        `<text x="${x(i)}" y="${height - pad.bottom + 40}" text-anchor="middle" font-size="26">${year}</text>`,
    )
    .join('');
  const legend = (['actual', 'target', 'forecast'] as const)
    .map((key, i) => {
      const lx = pad.left + i * 330;
      const ly = height - 28;
      return (
        `<line x1="${lx}" x2="${lx + 60}" y1="${ly - 9}" y2="${ly - 9}" stroke="${COLOURS[key]}" stroke-width="6" ${key === 'forecast' ? 'stroke-dasharray="14 10"' : ''}/>` +
        `<text x="${lx + 75}" y="${ly}" font-size="26">${esc(content.legend[key])}</text>`
      );
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Serif, serif" fill="#0f172a">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${grid}${labels}${line('target')}${line('forecast')}${line('actual')}${legend}</svg>`;
  return { svg, width, height };
}

/** The map: each area in its status colour, far islands framed, and the legend with counts. */
export function mapSvg(map: BriefingMap): { svg: string; width: number; height: number } {
  const legendHeight = 44 * Math.ceil(map.legend.length / 2) + 20;
  const width = Math.round(map.width);
  const height = Math.round(map.height + legendHeight);
  const areas = map.areas
    .map((a) => `<path d="${a.d}" fill="${a.colour}" stroke="#334155" stroke-width="0.8"/>`)
    .join('');
  const insets = map.insets
    .map(
      (i) =>
        `<rect x="${i.x}" y="${i.y}" width="${i.width}" height="${i.height}" fill="none" stroke="#64748b" stroke-width="1"/>`,
    )
    .join('');
  const legend = map.legend
    .map((entry, i) => {
      const lx = 20 + (i % 2) * (width / 2);
      const ly = map.height + 30 + Math.floor(i / 2) * 44;
      return (
        `<rect x="${lx}" y="${ly - 22}" width="30" height="30" fill="${entry.colour}" stroke="#334155"/>` +
        `<text x="${lx + 42}" y="${ly}" font-size="24">${esc(entry.label)} (${entry.count})</text>`
      );
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Serif, serif" fill="#0f172a">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${areas}${insets}${legend}</svg>`;
  return { svg, width, height };
}

/** The SVG as a PNG `scale` times its size (sharp's librsvg). */
export async function pngOf(svg: string, scale = 1): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 * scale })
    .png()
    .toBuffer();
}
