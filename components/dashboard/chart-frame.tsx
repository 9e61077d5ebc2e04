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
