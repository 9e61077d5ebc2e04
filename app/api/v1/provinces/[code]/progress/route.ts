import { json, notFound, withApiToken } from '@/lib/api/respond';
import { loadReportData } from '@/lib/data/progress/reports';
import { progressJson } from '@/lib/exports/api-progress';
import { apiQuerySchema } from '@/lib/validations/api';
import { searchObject } from '@/lib/validations/exports';
import { PROVINCE_CODE } from '@/lib/validations/units';

export const dynamic = 'force-dynamic';

/** One of today's provinces, with its wards. Outside the token's scope: 404. */
export async function GET(request: Request, context: { params: Promise<{ code: string }> }) {
  return withApiToken(request, async (scope) => {
    const { code } = await context.params;
    if (!PROVINCE_CODE.test(code)) return notFound();
    const parsed = apiQuerySchema.safeParse(searchObject(new URL(request.url)));
    if (!parsed.success)
      return json(
        { error: 'invalid_query', fields: parsed.error.issues.map((i) => i.path.join('.')) },
        400,
      );
    const data = await loadReportData(scope, { ...parsed.data, province: code });
    return data ? json(progressJson(data, parsed.data)) : notFound();
  });
}
