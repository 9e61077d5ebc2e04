import 'server-only';
import ExcelJS from 'exceljs';
import { toCsv, type ExportTable } from '@/lib/domain/export-tables';
import { translatorFor } from '@/lib/i18n/translator';
import { aboutRows, type ExportMeta } from './tables';

const formats = {
  integer: '#,##0',
  share: '0.0%',
  year: '0',
  text: '@',
  signed: '+General;-General;0',
  date: 'dd/mm/yyyy',
} as const;

/**
 * One sheet of data (Vietnamese or English headers, numbers as numbers, shares as percentages,
 * a frozen header row and filters) and one sheet saying what the data is and when it was read.
 */
export async function tableToXlsx(table: ExportTable, meta: ExportMeta): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Kiểu Mẫu';
  book.created = new Date();
  const t = translatorFor(meta.locale, 'xlsx');
  const sheet = book.addWorksheet(t('sheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed from Excel or LibreOffice: landscape A4, one page wide, the header on every page.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  sheet.columns = table.columns.map((c) => ({
    header: c.header[meta.locale],
    key: c.key,
    width: c.kind === 'text' ? 32 : 16,
    style: { numFmt: formats[c.kind] },
  }));
  // A day is written as a date (Excel sorts and filters it as one), at midnight UTC of that day.
  const cell = (v: ExportTable['rows'][number][number], i: number) =>
    table.columns[i]?.kind === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v;
  for (const row of table.rows) sheet.addRow(row.map(cell));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length },
  };

  const about = book.addWorksheet(t('aboutSheet'));
  for (const row of aboutRows(meta)) about.addRow(row);
  about.getColumn(1).font = { bold: true };
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 90;
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A table as the downloaded file the user asked for: CSV or XLSX, named after its meta. */
export async function tableFileResponse(
  table: ExportTable,
  meta: ExportMeta,
  format: 'csv' | 'xlsx',
): Promise<Response> {
  const [body, type] =
    format === 'csv'
      ? [toCsv(table, meta.locale, aboutRows(meta)), 'text/csv; charset=utf-8']
      : [
          new Uint8Array(await tableToXlsx(table, meta)),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ];
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${meta.fileName}.${format}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
