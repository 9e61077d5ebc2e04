import { openApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-static';

/** The API's description; public, like any API reference. */
export function GET() {
  return Response.json(openApiDocument);
}
