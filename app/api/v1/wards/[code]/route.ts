import { json, notFound, withApiToken } from '@/lib/api';
import { getWardHistory } from '@/lib/data/assessments';

export const dynamic = 'force-dynamic';

/** A ward's assessments by year, including its predecessors'. Outside the token's scope: 404. */
export async function GET(request: Request, context: { params: Promise<{ code: string }> }) {
  return withApiToken(request, async (scope) => {
    const { code } = await context.params;
    if (!/^\d{5}$/.test(code)) return notFound();
    const history = await getWardHistory(scope, code);
    if (!history) return notFound();
    const { unit } = history;
    return json({
      code: unit.code,
      name: unit.fullName,
      province: { code: unit.province.code, name: unit.province.name },
      inForce: unit.validTo === null,
      predecessors: unit.predecessors.map((p) => ({
        code: p.oldUnit.code,
        name: p.oldUnit.name,
        effectiveDate: p.effectiveDate.toISOString().slice(0, 10),
      })),
      assessments: history.assessments.map((a) => ({
        year: a.year,
        unitCode: a.unit.code,
        status: a.status,
        met: a.metCount,
        notMet: a.notMetCount,
        notDue: a.notDueCount,
        total: a.totalCriteria,
        attained: a.isAttained,
        recognition: a.recognition
          ? {
              number: a.recognition.number,
              date: a.recognition.decidedOn.toISOString().slice(0, 10),
              withdrawn: a.recognition.withdrawnAt !== null,
            }
          : null,
      })),
    });
  });
}
