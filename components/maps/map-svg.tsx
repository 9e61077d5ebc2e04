'use client';

import { useEffect, useState } from 'react';

export interface DrawnArea {
  code: string;
  /** What it says on hover, focus and to a screen reader: name and figures. */
  label: string;
  colour: string;
  category: string;
  href?: string;
}

/** Outlines already fetched in this tab, by address: a map drawn again costs nothing. */
const fetched = new Map<string, Promise<Record<string, string>>>();

function outlines(src: string): Promise<Record<string, string>> {
  let pending = fetched.get(src);
  if (!pending) {
    pending = fetch(src).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`))));
    pending.catch(() => fetched.delete(src));
    fetched.set(src, pending);
  }
  return pending;
}

/**
 * The map's SVG: the outlines come from `src` (kept by the browser for good), the colours and
 * labels from the page. A shape with a page is a link named by its figures; the others are
 * context, hidden from screen readers. Until the outlines arrive the frame keeps its size.
 */
export function MapSvg({
  src,
  width,
  height,
  areas,
  labelledBy,
  insets = [],
  labels = [],
}: {
  src: string;
  width: number;
  height: number;
  areas: DrawnArea[];
  labelledBy: string;
  /** Framed boxes of far islands (lib/maps/layout.ts), drawn with their names. */
  insets?: { x: number; y: number; width: number; height: number; label: string }[];
  /** Names (or key numbers) on the shapes; for the eye only (every shape is named as a link). */
  labels?: { x: number; y: number; text: string; numbered: boolean }[];
}) {
  const [paths, setPaths] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    outlines(src).then(
      (p) => live && setPaths(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [src]);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto max-h-[80vh] w-full"
      role="group"
      aria-labelledby={labelledBy}
      aria-busy={paths ? undefined : true}
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={width} height={height} fill="#f8fafc" />
      {insets.map((f) => (
        <g key={f.label} aria-hidden="true">
          <rect
            x={f.x}
            y={f.y}
            width={f.width}
            height={f.height}
            fill="#f1f5f9"
            stroke="#94a3b8"
            strokeWidth={0.8}
          />
          <text x={f.x + 4} y={f.y + 11} fontSize={8} fill="#334155">
            {f.label}
          </text>
        </g>
      ))}
      {paths
        ? areas.map((area) => {
            const path = (
              <path
                d={paths[area.code] ?? ''}
                fill={area.colour}
                stroke="#64748b"
                strokeWidth={0.4}
                data-code={area.code}
                data-category={area.category}
              >
                <title>{area.label}</title>
              </path>
            );
            return area.href ? (
              <a key={area.code} href={area.href} aria-label={area.label}>
                {path}
              </a>
            ) : (
              <g key={area.code} aria-hidden="true">
                {path}
              </g>
            );
          })
        : null}
      {paths ? (
        <g aria-hidden="true" pointerEvents="none" textAnchor="middle" fill="#0f172a">
          {labels.map((l) => (
            <text
              key={`${l.text}-${l.x}`}
              x={l.x}
              y={l.y + 3}
              fontSize={l.numbered ? 7.5 : 8.5}
              fontWeight={l.numbered ? 600 : 500}
              stroke="#ffffff"
              strokeWidth={2}
              paintOrder="stroke"
            >
              {l.text}
            </text>
          ))}
        </g>
      ) : null}
    </svg>
  );
}
