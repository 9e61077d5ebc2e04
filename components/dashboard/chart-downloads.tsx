'use client';

import { useTranslations } from 'next-intl';
import { saveBlob } from '@/components/ui/save-blob';
import { Button, buttonClass } from '@/components/ui/button';

export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
  /** A filled box (a map's category) rather than a line (a chart's series). */
  swatch?: boolean;
}

export interface ChartStamp {
  title: string;
  scope: string;
  dataDate: string;
  stamp: string;
  official: boolean;
  legend: LegendItem[];
  /** Where the figures come from and how the lines are drawn, printed under the chart. */
  source: string;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
// The page's own font stack (app/globals.css), set on the whole picture: axis ticks included.
const FONT =
  "Inter, 'Segoe UI', 'Noto Sans', Roboto, 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";

/** Lines of at most `chars` characters, broken between words. */
function wrapText(text: string, chars: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length > chars && current) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * Wraps the chart's own SVG with everything a slide needs: the title (wrapped, never cut), scope
 * and data date, the official/provisional stamp on its own line (so it never covers anything;
 * official solid, provisional outlined and dashed), the legend and a source line. The same
 * picture serves the SVG and the PNG (drawn at 2×).
 */
export function composeChartSvg(
  chart: SVGSVGElement,
  stamp: ChartStamp,
): { svg: string; width: number; height: number } {
  const width = Math.max(
    480,
    Math.round(chart.viewBox.baseVal?.width || chart.width.baseVal.value || chart.clientWidth),
  );
  const chartHeight = Math.round(
    chart.viewBox.baseVal?.height || chart.height.baseVal.value || chart.clientHeight,
  );
  const titleLines = wrapText(stamp.title, Math.floor((width - 32) / 9.5));
  const sourceLines = wrapText(stamp.source, Math.floor((width - 32) / 6));
  let y = 26;
  const parts: string[] = [];
  for (const line of titleLines) {
    parts.push(
      `<text x="16" y="${y}" font-size="16" font-weight="bold" fill="#0f172a">${escapeXml(line)}</text>`,
    );
    y += 21;
  }
  parts.push(
    `<text x="16" y="${y}" font-size="12" fill="#475569">${escapeXml(`${stamp.scope} · ${stamp.dataDate}`)}</text>`,
  );
  y += 12;
  const stampWidth = Math.round(stamp.stamp.length * 8 + 20);
  parts.push(
    stamp.official
      ? `<rect x="16" y="${y}" width="${stampWidth}" height="22" rx="4" fill="#047857"/><text x="${16 + stampWidth / 2}" y="${y + 15}" text-anchor="middle" font-size="12" font-weight="bold" fill="#ffffff">${escapeXml(stamp.stamp)}</text>`
      : `<rect x="16" y="${y}" width="${stampWidth}" height="22" rx="4" fill="none" stroke="#b45309" stroke-width="2" stroke-dasharray="5 3"/><text x="${16 + stampWidth / 2}" y="${y + 15}" text-anchor="middle" font-size="12" font-weight="bold" fill="#b45309">${escapeXml(stamp.stamp)}</text>`,
  );
  const top = y + 32;
  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));
  clone.setAttribute('font-family', FONT);
  let x = 16;
  let legendY = top + chartHeight + 18;
  // The legend runs on as many rows as it needs: never cut at the picture's edge.
  const legend = stamp.legend
    .map((item) => {
      const itemWidth = 44 + item.label.length * 7;
      if (x > 16 && x + itemWidth > width - 16) {
        x = 16;
        legendY += 20;
      }
      const mark = item.swatch
        ? `<rect x="${x}" y="${legendY - 6}" width="28" height="12" fill="${item.color}" stroke="#64748b" stroke-width="0.5"/>`
        : `<line x1="${x}" y1="${legendY}" x2="${x + 28}" y2="${legendY}" stroke="${item.color}" stroke-width="3"${item.dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
      const g = `${mark}<text x="${x + 34}" y="${legendY + 4}" font-size="12" fill="#334155">${escapeXml(item.label)}</text>`;
      x += itemWidth;
      return g;
    })
    .join('');
  let sy = legendY + 26;
  const source = sourceLines
    .map((line) => {
      const t = `<text x="16" y="${sy}" font-size="10" fill="#64748b">${escapeXml(line)}</text>`;
      sy += 14;
      return t;
    })
    .join('');
  const height = sy + 6;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    new XMLSerializer().serializeToString(clone),
    legend,
    source,
    `</svg>`,
  ].join('');
  return { svg, width, height };
}

export function ChartDownloads({
  chart,
  stamp,
  fileName,
  selector,
}: {
  chart: string;
  stamp: ChartStamp;
  fileName: string;
  /** Where the picture is, when it is not a chart's (a map). */
  selector?: string;
}) {
  const t = useTranslations('exports');
  const find = () =>
    document.querySelector<SVGSVGElement>(selector ?? `[data-chart="${chart}"] > svg`);
  // A map draws once its outlines arrive (aria-busy until then): a click before that waits for
  // them rather than saving an empty frame.
  const drawn = async () => {
    for (let wait = 0; wait < 100; wait += 1) {
      const el = find();
      if (el && el.getAttribute('aria-busy') !== 'true') return el;
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  };
  const svgDownload = async () => {
    const el = await drawn();
    if (!el) return;
    saveBlob(
      new Blob([composeChartSvg(el, stamp).svg], { type: 'image/svg+xml' }),
      `${fileName}.svg`,
    );
  };
  const pngDownload = async () => {
    const el = await drawn();
    if (!el) return;
    const { svg, width, height } = composeChartSvg(el, stamp);
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d')!;
      ctx.scale(2, 2);
      ctx.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => blob && saveBlob(blob, `${fileName}.png`), 'image/png');
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  };
  return (
    <span className="flex gap-2 text-xs print:hidden">
      <Button variant="compact" onClick={pngDownload}>
        {t('png')}
      </Button>
      <Button variant="compact" onClick={svgDownload}>
        {t('svg')}
      </Button>
    </span>
  );
}

/** XLSX and CSV links for a table; the server builds them from the same figures. */
export function TableDownloads({ table, query }: { table: string; query: string }) {
  const t = useTranslations('exports');
  const href = (format: string) => `/api/exports/${table}?${query}&format=${format}`;
  return (
    <span className="flex gap-2 text-xs print:hidden">
      {(['xlsx', 'csv'] as const).map((format) => (
        <a key={format} href={href(format)} download className={buttonClass('compact')}>
          {t(format)}
        </a>
      ))}
    </span>
  );
}

/** A table's heading with its XLSX and CSV links beside it. */
export function TableHeading({
  id,
  table,
  query,
  className = 'text-lg font-semibold',
  children,
}: {
  id: string;
  table: string;
  query: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
      <h2 id={id} className={className}>
        {children}
      </h2>
      <TableDownloads table={table} query={query} />
    </div>
  );
}
