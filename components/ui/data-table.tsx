import Link from '@/components/ui/link';
import { formatNumber } from '@/lib/i18n/format';

export interface Column<T> {
  key: string;
  header: React.ReactNode;
  cell: (row: T) => React.ReactNode;
  /** The cell that names the row (a <th scope="row">). */
  rowHeader?: boolean;
  /** Header shown to screen readers only (a column of buttons). */
  hiddenHeader?: boolean;
  align?: 'left' | 'right';
  className?: string;
}

export interface TableSort {
  key: string;
  dir: 'asc' | 'desc';
  /** The link that sorts by a column in a direction (the sort lives in the URL). */
  href: (key: string, dir: 'asc' | 'desc') => string;
  /** Columns that can be sorted. */
  keys: readonly string[];
}

const idOf = (row: unknown) => (row as { id: string | number }).id;

type ColumnSpec<T> = ((row: T) => React.ReactNode) | (Partial<Column<T>> & Pick<Column<T>, 'cell'>);

/**
 * Columns of rows of type T from a map of key → cell (or → column options), each headed by
 * `header(key)`: usually a translator, so each key is checked to be a catalogue message.
 * `columnsOf<Row>()(t, { name: (r) => r.name })`: the row type is given, the keys are inferred.
 */
export function columnsOf<T>() {
  return <K extends string>(
    header: (key: K) => React.ReactNode,
    spec: Record<K, ColumnSpec<T> | false>,
  ): Column<T>[] =>
    // Object.entries widens keys to string; they are the spec's own keys, K.
    (Object.entries(spec) as [K, ColumnSpec<T> | false][]).flatMap(([key, s]) =>
      s === false
        ? []
        : [
            typeof s === 'function'
              ? { key, header: header(key), cell: s }
              : { key, header: header(key), ...s },
          ],
    );
}

/**
 * The app's one table: a caption, column headers, an empty state, optional sorting by links
 * (so the order is in the URL and survives a reload), and a scroll box on narrow screens.
 */
export function DataTable<T>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  empty,
  sort,
  footer,
  className = '',
  name,
}: {
  caption: string;
  captionVisible?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  /** Defaults to the row's `id`. */
  rowKey?: (row: T) => string | number;
  empty: React.ReactNode;
  sort?: TableSort;
  footer?: React.ReactNode;
  className?: string;
  /** Names the table for exports and tests (`data-table`). */
  name?: string;
}) {
  // Padding, the left alignment and the row header's weight come from .data-table (globals.css).
  const cellClass = (c: Column<T>) =>
    [c.align === 'right' ? 'text-right' : '', c.className ?? ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div
      className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}
    >
      <table className="data-table min-w-full divide-y divide-slate-200 text-sm" data-table={name}>
        <caption
          className={
            captionVisible ? 'px-3 py-2 text-left text-sm font-semibold text-slate-800' : 'sr-only'
          }
        >
          {caption}
        </caption>
        <thead className="bg-slate-50 text-xs font-semibold uppercase text-slate-600">
          <tr>
            {columns.map((c) => {
              const sorted = sort?.key === c.key ? sort.dir : undefined;
              const sortable = sort?.keys.includes(c.key);
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={cellClass(c)}
                  aria-sort={
                    sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                  }
                >
                  {c.hiddenHeader ? (
                    <span className="sr-only">{c.header}</span>
                  ) : sort && sortable ? (
                    <Link
                      href={sort.href(c.key, sorted === 'asc' ? 'desc' : 'asc')}
                      className="inline-flex items-center gap-1 hover:text-brand-800 hover:underline"
                    >
                      {c.header}
                      <span aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </Link>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="py-6 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={(rowKey ?? idOf)(row)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={cellClass(c)}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={cellClass(c)}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
        {footer ? <tfoot className="bg-slate-50 font-semibold">{footer}</tfoot> : null}
      </table>
    </div>
  );
}

/** A right-aligned column of figures, in the user's locale (for columnsOf). */
export function figures<T>(value: (row: T) => number, locale: string) {
  return {
    align: 'right' as const,
    className: 'tabular-nums',
    cell: (row: T) => formatNumber(value(row), locale),
  };
}
