import type { MapShapes } from '@/lib/maps/shapes';
import { MapReadout } from './map-readout';
import { MapSvg } from './map-svg';

export interface MapArea {
  /** What it says on hover, focus and to a screen reader: name and figures. */
  label: string;
  colour: string;
  /** The category, for tests and styling (data-category). */
  category: string;
  href?: string;
}

/**
 * A choropleth: one path per shape with its code in `data-code`, a link to the unit's page when
 * it has one (focusable, named by its figures), the legend and the data's date and stamp under
 * it. The page sends each shape's colour and label; the outlines, the bulk of a map, are fetched
 * once by the browser and kept (MapSvg). The figures are the page's table's, beside it.
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
  keyLabel,
}: {
  id: string;
  title: string;
  shapes: MapShapes;
  areas: Map<string, MapArea>;
  /** How a shape without figures is drawn (e.g. a xã on a ward map). */
  fallback: (code: string, name: string) => MapArea;
  /** With `href`, an entry opens the list of what it counts (a drill-through). */
  legend: { label: string; colour: string; count: number; href?: string; linkLabel?: string }[];
  caption: React.ReactNode;
  /** PNG and SVG downloads of the map with its legend and stamp. */
  downloads?: React.ReactNode;
  /** What the readout says before a shape is pointed at or focused. */
  hint: string;
  /** The heading of the numbered key (names too long for their shape). */
  keyLabel: string;
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
        <MapSvg
          src={`/api/maps/${shapes.key}?v=${shapes.version}`}
          width={shapes.width}
          height={shapes.height}
          labelledBy={`${id}-title`}
          insets={shapes.insets}
          labels={shapes.labels}
          areas={shapes.shapes.map((s) => ({
            code: s.code,
            ...(areas.get(s.code) ?? fallback(s.code, s.name)),
          }))}
        />
        <div className="text-sm">
          <ul className="space-y-1" aria-label={title}>
            {legend.map((l) => (
              <li key={l.label} className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className="inline-block h-3 w-5 rounded-sm border border-slate-400"
                  style={{ background: l.colour }}
                />
                {l.href && l.count > 0 ? (
                  <a
                    href={l.href}
                    aria-label={l.linkLabel}
                    className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700"
                    data-drill="legend"
                  >
                    {l.label} <span className="tabular-nums">({l.count})</span>
                  </a>
                ) : (
                  <span>
                    {l.label} <span className="tabular-nums text-slate-500">({l.count})</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
          <MapReadout mapId={id} hint={hint} />
          {shapes.numbered.length > 0 ? (
            <details className="mt-2 text-xs">
              <summary className="cursor-pointer text-brand-700">{keyLabel}</summary>
              <ol className="mt-1 columns-2 gap-3">
                {shapes.numbered.map((k) => (
                  <li key={k.number}>
                    <span className="tabular-nums">{k.number}.</span> {k.name}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          <p className="mt-3 text-xs text-slate-600">{caption}</p>
        </div>
      </div>
    </figure>
  );
}
