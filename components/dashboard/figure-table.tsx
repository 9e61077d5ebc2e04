import { getLocale } from 'next-intl/server';
import { cellText, type ExportTable } from '@/lib/domain/export-tables';

/**
 * A table of provinces drawn from the very table the XLSX and CSV carry (lib/domain/export-tables.ts:
 * the comparison with the year before, the data's completeness), so the page and the files cannot
 * differ. The province's name stays in view while the figures scroll sideways on a phone; a change
 * is signed (+/−) as well as coloured; the nation's line, when there is one, closes the table.
 */
export async function FigureTable({
  table,
  nationLast,
}: {
  table: ExportTable;
  /** The last row is the nation's total. */
  nationLast: boolean;
}) {
  const locale = (await getLocale()) === 'en' ? 'en' : 'vi';
  const body = nationLast ? table.rows.slice(0, -1) : table.rows;
  const nation = nationLast ? table.rows.at(-1) : undefined;
  const tone = (value: unknown, kind: string) =>
    kind !== 'signed' || typeof value !== 'number' || value === 0
      ? undefined
      : value > 0
        ? 'text-emerald-800'
        : 'text-rose-800';
  const cells = (row: ExportTable['rows'][number]) =>
    row.map((value, i) => {
      const column = table.columns[i];
      if (!column) return null;
      const text = cellText(value, column.kind, locale);
      if (column.key === 'province')
        return (
          <th key={column.key} scope="row">
            {text}
          </th>
        );
      return (
        <td key={column.key} className={tone(value, column.kind)}>
          {text}
        </td>
      );
    });
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table
        className="figure-table min-w-full divide-y divide-slate-200 text-sm"
        data-table={table.name}
      >
        <caption className="sr-only">{table.title[locale]}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.header[locale]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {body.map((row, r) => (
            <tr key={`${String(row[0])}-${r}`}>{cells(row)}</tr>
          ))}
        </tbody>
        {nation ? (
          <tfoot className="border-t-2 border-slate-300 bg-slate-50">
            <tr>{cells(nation)}</tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
