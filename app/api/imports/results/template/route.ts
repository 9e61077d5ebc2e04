import { actorOf, clientAddress } from '@/lib/auth';
import { routeUser } from '@/lib/route-auth';
import { recordAuditEvent } from '@/lib/data/audit';
import { buildResultsTemplate } from '@/lib/data/results-template';
import { can } from '@/lib/permissions';
import { searchObject } from '@/lib/validations/exports';
import { importTemplateSchema } from '@/lib/validations/imports';

export const dynamic = 'force-dynamic';

/** The results template of a province and year, pre-filled with its registered wards × criteria. */
export async function GET(request: Request) {
  const user = await routeUser(request);
  if (user instanceof Response) return user;
  if (!can(user, 'results.import')) return new Response('Not found', { status: 404 });
  const parsed = importTemplateSchema.safeParse(searchObject(new URL(request.url)));
  if (!parsed.success) return Response.json({ error: 'invalid query' }, { status: 400 });
  const { province, year } = parsed.data;
  const bytes = await buildResultsTemplate(user, province, year);
  if (!bytes) return new Response('Not found', { status: 404 });
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
