import type { MapShapes } from '@/lib/maps/shapes';
import { MapReadout } from './map-readout';

export interface MapArea {
  /** What it says on hover, focus and to a screen reader: name and figures. */
  label: string;
  colour: string;
  /** The category, for tests and styling (data-category). */
  category: string;
  href?: string;
}

/**
 * A choropleth drawn on the server as SVG: one path per shape with its code in `data-code`, a
 * link to the unit's page when it has one (focusable, named by its figures), the legend and the
 * data's date and stamp under it. The figures are the page's table's, which stands beside it.
 */
export function Choropleth({
  id,
  title,
  shapes,
  areas,
  fallback,
  legend,
  caption,
  downloads,
  hint,
}: {
  id: string;
  title: string;
  shapes: MapShapes;
  areas: Map<string, MapArea>;
  /** How a shape without figures is drawn (e.g. a xã on a ward map). */
  fallback: (code: string, name: string) => MapArea;
  legend: { label: string; colour: string; count: number }[];
  caption: React.ReactNode;
  /** PNG and SVG downloads of the map with its legend and stamp. */
  downloads?: React.ReactNode;
  /** What the readout says before a shape is pointed at or focused. */
  hint: string;
}) {
  return (
    <figure className="map rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-map={id}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <figcaption id={`${id}-title`} className="font-semibold">
          {title}
        </figcaption>
        {downloads}
      </div>
      <div className="grid gap-4 md:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <svg
          viewBox={`0 0 ${shapes.width} ${shapes.height}`}
          className="h-auto max-h-[80vh] w-full"
          role="group"
          aria-labelledby={`${id}-title`}
          xmlns="http://www.w3.org/2000/svg"
        >
          <rect width={shapes.width} height={shapes.height} fill="#f8fafc" />
          {shapes.shapes.map((s) => {
            const area = areas.get(s.code) ?? fallback(s.code, s.name);
            const path = (
              <path
                d={s.d}
                fill={area.colour}
                stroke="#64748b"
                strokeWidth={0.4}
                data-code={s.code}
                data-category={area.category}
              >
                <title>{area.label}</title>
              </path>
            );
            return area.href ? (
              <a key={s.code} href={area.href} aria-label={area.label}>
                {path}
              </a>
            ) : (
              <g key={s.code} aria-hidden="true">
                {path}
              </g>
            );
          })}
        </svg>
        <div className="text-sm">
          <ul className="space-y-1" aria-label={title}>
            {legend.map((l) => (
              <li key={l.label} className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className="inline-block h-3 w-5 rounded-sm border border-slate-400"
                  style={{ background: l.colour }}
                />
                <span>
                  {l.label} <span className="tabular-nums text-slate-500">({l.count})</span>
                </span>
              </li>
            ))}
          </ul>
          <MapReadout mapId={id} hint={hint} />
          <p className="mt-3 text-xs text-slate-600">{caption}</p>
        </div>
      </div>
    </figure>
  );
}
