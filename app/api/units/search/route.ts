import { z } from 'zod';
import { searchUnits } from '@/lib/data/units/wards';
import { routeQuery } from '@/lib/auth/route-user';
import { PROVINCE_CODE } from '@/lib/validations/units';

const schema = z.object({
  q: z.string().trim().min(1).max(100),
  province: z.string().regex(PROVINCE_CODE).optional(),
});

/** Suggestions for a unit picker: today's wards in the caller's scope, by name or code. */
export async function GET(request: Request) {
  const answer = await routeQuery(request, 'ward.view', schema);
  if (answer instanceof Response) return answer;
  const units = await searchUnits(answer.user, answer.query.q, {
    provinceCode: answer.query.province,
  });
  return Response.json({ units }, { headers: { 'Cache-Control': 'private, no-store' } });
}
