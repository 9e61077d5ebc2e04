import { routeUser, notFound } from '@/lib/auth/route-user';
import { shapesByKey } from '@/lib/maps/shapes';

export const dynamic = 'force-dynamic';

/**
 * A map's outlines as SVG paths by unit code ('provinces', or a province's code for its units).
 * Pages name the shapes' version in the address, so the browser keeps them for good and a page
 * sends only each shape's colour and label, not the outlines again with every load.
 */
export async function GET(request: Request, context: { params: Promise<{ key: string }> }) {
  const user = await routeUser(request);
  if (user instanceof Response) return user;
  const shapes = shapesByKey((await context.params).key);
  if (!shapes) return notFound();
  return Response.json(Object.fromEntries(shapes.shapes.map((s) => [s.code, s.d])), {
    headers: { 'Cache-Control': 'private, max-age=31536000, immutable' },
  });
}
