'use client';

import { useTranslations } from 'next-intl';

export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
}

export interface ChartStamp {
  title: string;
  scope: string;
  dataDate: string;
  stamp: string;
  legend: LegendItem[];
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const FONT = 'DejaVu Sans, Noto Sans, Arial, sans-serif';

/**
 * Wraps the chart's own SVG with everything a slide needs: title, scope, legend, the date of the
 * data and whether it is official. The same picture serves the SVG and the PNG (drawn at 2×).
 */
export function composeChartSvg(
  chart: SVGSVGElement,
  stamp: ChartStamp,
): { svg: string; width: number; height: number } {
  const width = Math.round(
    chart.viewBox.baseVal?.width || chart.width.baseVal.value || chart.clientWidth,
  );
  const chartHeight = Math.round(
    chart.viewBox.baseVal?.height || chart.height.baseVal.value || chart.clientHeight,
  );
  const top = 72;
  const legendHeight = 28;
  const height = top + chartHeight + legendHeight + 24;
  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));
  let x = 16;
  const legend = stamp.legend
    .map((item) => {
      const g = `<line x1="${x}" y1="${top + chartHeight + 18}" x2="${x + 28}" y2="${top + chartHeight + 18}" stroke="${item.color}" stroke-width="3"${item.dashed ? ' stroke-dasharray="6 4"' : ''}/><text x="${x + 34}" y="${top + chartHeight + 22}" font-size="12" font-family="${FONT}" fill="#334155">${escapeXml(item.label)}</text>`;
      x += 44 + item.label.length * 7;
      return g;
    })
    .join('');
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="16" font-weight="bold" font-family="${FONT}" fill="#0f172a">${escapeXml(stamp.title)}</text>`,
    `<text x="16" y="48" font-size="12" font-family="${FONT}" fill="#475569">${escapeXml(`${stamp.scope} · ${stamp.dataDate}`)}</text>`,
    `<rect x="${width - 136}" y="12" width="120" height="24" rx="4" fill="none" stroke="#b91c1c" stroke-width="2"/>`,
    `<text x="${width - 76}" y="29" text-anchor="middle" font-size="12" font-weight="bold" font-family="${FONT}" fill="#b91c1c">${escapeXml(stamp.stamp)}</text>`,
    new XMLSerializer().serializeToString(clone),
    legend,
    `</svg>`,
  ].join('');
  return { svg, width, height };
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ChartDownloads({
  chart,
  stamp,
  fileName,
}: {
  chart: string;
  stamp: ChartStamp;
  fileName: string;
}) {
  const t = useTranslations('exports');
  const find = () =>
    document.querySelector<SVGSVGElement>(
      `[data-chart="${chart}"] .recharts-wrapper > svg.recharts-surface`,
    );
  const svgDownload = () => {
    const el = find();
    if (!el) return;
    save(new Blob([composeChartSvg(el, stamp).svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
  };
  const pngDownload = () => {
    const el = find();
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
      canvas.toBlob((blob) => blob && save(blob, `${fileName}.png`), 'image/png');
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  };
  return (
    <span className="flex gap-2 text-xs">
      <button
        type="button"
        onClick={pngDownload}
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
      >
        {t('png')}
      </button>
      <button
        type="button"
        onClick={svgDownload}
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
      >
        {t('svg')}
      </button>
    </span>
  );
}

/** XLSX and CSV links for a table; the server builds them from the same figures. */
export function TableDownloads({ table, query }: { table: string; query: string }) {
  const t = useTranslations('exports');
  const href = (format: string) => `/api/exports/${table}?${query}&format=${format}`;
  return (
    <span className="flex gap-2 text-xs">
      <a
        href={href('xlsx')}
        download
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
      >
        {t('xlsx')}
      </a>
      <a
        href={href('csv')}
        download
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
      >
        {t('csv')}
      </a>
    </span>
  );
}
