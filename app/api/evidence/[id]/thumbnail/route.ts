import { notFound, routeRecord } from '@/lib/auth/route-user';
import { getEvidenceThumbnail } from '@/lib/data/evidence/evidence';
import { API_CONTENT_SECURITY_POLICY } from '@/proxy';

export const dynamic = 'force-dynamic';

/**
 * The preview of an evidence picture, for the sheet's list, to users whose scope holds it; anyone
 * else, and any other file, gets a 404. Not audited, unlike opening or downloading the file: the
 * list shows every picture's preview on each visit, and the audit log would be its page views.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const asked = await routeRecord(request, context.params, 'evidence.download');
  if (asked instanceof Response) return asked;
  const { user, id } = asked;
  const thumbnail = await getEvidenceThumbnail(user, id);
  if (!thumbnail) return notFound();
  return new Response(new Uint8Array(thumbnail), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(thumbnail.byteLength),
      'X-Content-Type-Options': 'nosniff',
      // The evidence item's bytes never change; a removal or a scope change shows within the hour.
      'Cache-Control': 'private, max-age=3600',
      'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
    },
  });
}
