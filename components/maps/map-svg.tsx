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
}: {
  src: string;
  width: number;
  height: number;
  areas: DrawnArea[];
  labelledBy: string;
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
    </svg>
  );
}
