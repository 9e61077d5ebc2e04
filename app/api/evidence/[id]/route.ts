import { actorOf, clientAddress } from '@/lib/auth/current-user';
import { notFound, routeRecord } from '@/lib/auth/route-user';
import { recordAuditEvent } from '@/lib/data/audit';
import { getEvidenceFile } from '@/lib/data/evidence/evidence';
import { INLINE_TYPES } from '@/lib/domain/file-type';
import { API_CONTENT_SECURITY_POLICY, evidenceViewPolicy } from '@/proxy';

export const dynamic = 'force-dynamic';

/**
 * Downloads one evidence file, to users whose scope holds it (audited); anyone else gets a 404.
 * `?view=1` opens a PDF or an image inline, for the sheet's viewer; every other type (Office
 * files) still downloads.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const asked = await routeRecord(request, context.params, 'evidence.download');
  if (asked instanceof Response) return asked;
  const { user, id } = asked;
  const file = await getEvidenceFile(user, id);
  if (!file) return notFound();
  const inline =
    new URL(request.url).searchParams.get('view') === '1' && INLINE_TYPES.has(file.mimeType);
  await recordAuditEvent(actorOf(user, await clientAddress()), {
    action: inline ? 'evidence.view' : 'evidence.download',
    entity: 'evidence',
    entityId: id,
    provinceCode: file.provinceCode,
  });
  const ascii =
    file.fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'evidence';
  // Read from storage a piece at a time as the client takes it: a download never holds the file.
  return new Response(file.stream, {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.size),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': inline
        ? evidenceViewPolicy(file.mimeType === 'application/pdf')
        : API_CONTENT_SECURITY_POLICY,
    },
  });
}
