import { json, notFound, withApiToken } from '@/lib/api/respond';
import { getWardHistory } from '@/lib/data/units/wards';
import { isoDate } from '@/lib/domain/units';
import { wardAddressSchema } from '@/lib/validations/units';

export const dynamic = 'force-dynamic';

/**
 * A ward's assessments by year, with its predecessors' (each marked whether it counts here under
 * the designated-successor rule) and, for a former unit, what it became. `?on=YYYY-MM-DD` picks a
 * former unit whose code a unit of today reuses. Outside the token's scope: 404.
 */
export async function GET(request: Request, context: { params: Promise<{ code: string }> }) {
  return withApiToken(request, async (scope) => {
    const address = wardAddressSchema.safeParse({
      code: (await context.params).code,
      on: new URL(request.url).searchParams.get('on') ?? undefined,
    });
    if (!address.success) return notFound();
    const history = await getWardHistory(scope, address.data.code, address.data.on);
    if (!history) return notFound();
    const { unit } = history;
    const designated = unit.successors.find((s) => s.isDesignated);
    return json({
      code: unit.code,
      name: unit.fullName,
      province: { code: unit.province.code, name: unit.province.name },
      inForce: unit.validTo === null,
      validTo: unit.validTo ? isoDate(unit.validTo) : null,
      countsUnder: designated
        ? { code: designated.code, name: designated.fullName, basis: unit.successorBasis }
        : null,
      successors: unit.successors.map((s) => ({
        code: s.code,
        name: s.fullName,
        designated: s.isDesignated,
        effectiveDate: isoDate(s.effectiveDate),
      })),
      predecessors: unit.predecessors.map((p) => ({
        code: p.code,
        name: p.fullName,
        effectiveDate: isoDate(p.effectiveDate),
        countsHere: p.countsHere,
        countsUnder: p.countsUnder
          ? { code: p.countsUnder.code, name: p.countsUnder.fullName }
          : null,
      })),
      assessments: history.assessments.map((a) => ({
        year: a.year,
        unitCode: a.unit.code,
        countsHere: a.countsHere,
        origin: a.origin,
        status: a.status,
        met: a.metCount,
        notMet: a.notMetCount,
        notDue: a.notDueCount,
        total: a.totalCriteria,
        attained: a.isAttained,
        recognition: a.recognition
          ? {
              number: a.recognition.number,
              date: isoDate(a.recognition.decidedOn),
              withdrawn: a.recognition.withdrawnAt !== null,
            }
          : null,
      })),
    });
  });
}
