import { actorOf, clientAddress } from '@/lib/auth/current-user';
import { notFound, routeQuery } from '@/lib/auth/route-user';
import { recordAuditEvent } from '@/lib/data/audit';
import { loadReportData } from '@/lib/data/progress/reports';
import { briefingContent } from '@/lib/exports/briefing';
import { briefingPdf } from '@/lib/exports/pdf';
import { briefingPptx } from '@/lib/exports/pptx';
import { briefingDocx } from '@/lib/exports/docx';
import { localeOf } from '@/lib/i18n/config';
import { reportQuerySchema } from '@/lib/validations/exports';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

const briefingSchema = reportQuerySchema.extend({ format: z.enum(['pdf', 'pptx', 'docx']) });

const TYPES = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

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
  const content = briefingContent(data, localeOf(request));
  const bytes =
    query.format === 'pdf'
      ? await briefingPdf(content)
      : query.format === 'pptx'
        ? await briefingPptx(content)
        : await briefingDocx(content, data.province);
  await recordAuditEvent(actorOf(user, await clientAddress()), {
    action: 'export.briefing',
    entity: 'export',
    entityId: `briefing.${query.format}`,
    provinceCode: data.province?.code ?? null,
    after: { ...query, province: data.province?.code ?? null },
  });
  const name = `bao-cao-kieu-mau-${data.province?.code ?? 'toan-quoc'}-${query.year}.${query.format}`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': TYPES[query.format],
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
