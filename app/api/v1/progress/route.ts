import { json, withApiToken } from '@/lib/api/respond';
import { loadReportData } from '@/lib/data/progress/reports';
import { progressJson } from '@/lib/exports/api-progress';
import { apiQuerySchema } from '@/lib/validations/api';
import { searchObject } from '@/lib/validations/exports';

export const dynamic = 'force-dynamic';

/** National progress (or the token's province). */
export async function GET(request: Request) {
  return withApiToken(request, async (scope) => {
    const parsed = apiQuerySchema.safeParse(searchObject(new URL(request.url)));
    if (!parsed.success)
      return json(
        { error: 'invalid_query', fields: parsed.error.issues.map((i) => i.path.join('.')) },
        400,
      );
    // A province token reads its own province here, as a provincial leader's dashboard does.
    const data = await loadReportData(scope, { ...parsed.data, province: undefined });
    return data ? json(progressJson(data, parsed.data)) : json({ error: 'not_found' }, 404);
  });
}
