import { DataTable, type Column } from '@/components/ui/data-table';

/** A chart's table alternative: the same rows as the chart, one click away, named by its caption. */
export function ChartTable<T>({
  label,
  caption,
  rows,
  rowKey,
  columns,
}: {
  label: string;
  caption: string;
  rows: T[];
  rowKey: (row: T) => string | number;
  columns: Column<T>[];
}) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700">{label}</summary>
      <DataTable
        className="mt-2"
        caption={caption}
        rows={rows}
        rowKey={rowKey}
        empty={null}
        columns={columns}
      />
    </details>
  );
}

/** A chart's frame: a card whose caption (its title and the download buttons) names the chart. */
export function ChartFigure({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <figure
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby={`${id}-title`}
    >
      <figcaption
        id={`${id}-title`}
        className="mb-2 flex flex-wrap items-center justify-between gap-2"
      >
        <span className="font-semibold">{title}</span>
        {actions}
      </figcaption>
      {children}
    </figure>
  );
}

/**
 * A chart's drawing: on a phone it keeps a readable size and scrolls sideways in its focusable
 * box; the SVG's viewBox fits any wider screen and the printed page.
 */
export function ChartCanvas({
  name,
  title,
  width,
  height,
  interactive = false,
  children,
}: {
  name: string;
  title: string;
  width: number;
  height: number;
  /** Holds links (a drill-through): a named group of them, not one picture. */
  interactive?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div
      data-chart={name}
      className="overflow-x-auto"
      tabIndex={0}
      role="region"
      aria-label={title}
    >
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        className="h-auto w-full min-w-[600px] print:min-w-0"
        role={interactive ? 'group' : 'img'}
        aria-label={title}
        fontSize={12}
      >
        {children}
      </svg>
    </div>
  );
}
