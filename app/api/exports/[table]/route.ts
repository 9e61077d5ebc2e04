import { actorOf, clientAddress } from '@/lib/auth/current-user';
import { notFound, routeQuery } from '@/lib/auth/route-user';
import { recordAuditEvent } from '@/lib/data/audit';
import { loadReportData } from '@/lib/data/progress/reports';
import { buildExportTable, exportMeta } from '@/lib/exports/tables';
import { tableFileResponse } from '@/lib/exports/xlsx';
import { localeOf } from '@/lib/i18n/config';
import { tableExportSchema } from '@/lib/validations/exports';

export const dynamic = 'force-dynamic';

/** Downloads a dashboard table as XLSX or CSV: the numbers the screen shows, stamped with their date. */
export async function GET(request: Request, context: { params: Promise<{ table: string }> }) {
  const answer = await routeQuery(request, 'report.export', tableExportSchema, {
    table: (await context.params).table,
  });
  if (answer instanceof Response) return answer;
  const { user, query } = answer;
  const data = await loadReportData(user, query);
  if (!data) return notFound();
  const locale = localeOf(request);
  const table = buildExportTable(query.table, data, locale);
  if (!table) return notFound();

  const meta = exportMeta(data, query, locale, { title: table.title[locale], key: query.table });
  await recordAuditEvent(actorOf(user, await clientAddress()), {
    action: 'export.table',
    entity: 'export',
    entityId: `${query.table}.${query.format}`,
    provinceCode: data.province?.code ?? null,
    after: { ...query, province: data.province?.code ?? null, rows: table.rows.length },
  });
  return tableFileResponse(table, meta, query.format);
}
