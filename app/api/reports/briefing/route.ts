import { actorOf, clientAddress } from '@/lib/auth/current-user';
import { notFound, routeQuery } from '@/lib/auth/route-user';
import { recordAuditEvent } from '@/lib/data/audit';
import { loadReportData } from '@/lib/data/progress/reports';
import { briefingFile } from '@/lib/exports/briefing-file';
import { localeOf } from '@/lib/i18n/config';
import { reportQuerySchema } from '@/lib/validations/exports';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

const briefingSchema = reportQuerySchema.extend({ format: z.enum(['pdf', 'pptx', 'docx']) });

/**
 * The briefing pack for a scope and year, as PDF or PPTX slides, or as DOCX: the official report
 * (Báo cáo) in the government's format. Audited.
 */
export async function GET(request: Request) {
  const answer = await routeQuery(request, 'report.export', briefingSchema);
  if (answer instanceof Response) return answer;
  const { user, query } = answer;
  const data = await loadReportData(user, query);
  if (!data) return notFound();
  const file = await briefingFile(data, localeOf(request), query.format);
  await recordAuditEvent(actorOf(user, await clientAddress()), {
    action: 'export.briefing',
    entity: 'export',
    entityId: `briefing.${query.format}`,
    provinceCode: data.province?.code ?? null,
    after: { ...query, province: data.province?.code ?? null },
  });
  return new Response(file.bytes, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
