import { actorOf, clientAddress } from '@/lib/auth/current-user';
import { notFound, routeQuery } from '@/lib/auth/route-user';
import { recordAuditEvent } from '@/lib/data/audit';
import { buildResultsTemplate } from '@/lib/data/assessments/results-template';
import { importTemplateSchema } from '@/lib/validations/imports';

export const dynamic = 'force-dynamic';

/** The results template of a province and year, pre-filled with its registered wards × criteria. */
export async function GET(request: Request) {
  const answer = await routeQuery(request, 'results.import', importTemplateSchema);
  if (answer instanceof Response) return answer;
  const { user } = answer;
  const { province, year } = answer.query;
  const bytes = await buildResultsTemplate(user, province, year);
  if (!bytes) return notFound();
  await recordAuditEvent(actorOf(user, await clientAddress()), {
    action: 'export.template',
    entity: 'export',
    entityId: `results-${province}-${year}`,
    provinceCode: province,
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="mau-nhap-ket-qua-${province}-${year}.xlsx"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
