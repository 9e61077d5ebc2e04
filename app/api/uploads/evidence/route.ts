import { revalidatePath } from 'next/cache';
import { API_CONTENT_SECURITY_POLICY } from '@/proxy';
import { actorOf, clientAddress } from '@/lib/auth/current-user';
import { failure, formObject, invalidInput, success } from '@/lib/actions/result';
import type { ActionResult } from '@/lib/actions/result';
import { addEvidence } from '@/lib/data/evidence/evidence';
import { readEnv } from '@/lib/server/env';
import { formValues } from '@/lib/forms/form-values';
import { routeUser } from '@/lib/auth/route-user';
import { readMultipart } from '@/lib/files/uploads';
import { evidenceSchema } from '@/lib/validations/assessments';

export const dynamic = 'force-dynamic';

/**
 * Adds one evidence item to a result (multipart form: resultId, kind, title, period, and `file`,
 * `url` or `note`). The body is read as it arrives and a file goes to storage in pieces, so a
 * 20 MB upload never sits whole in memory; the proxy does not run here, since it would copy the
 * body. The answer is the form's result, as a server action's would be.
 */
export async function POST(request: Request) {
  const user = await routeUser(request, { write: true, policy: 'evidence.add' });
  if (user instanceof Response) return user;
  const maxMb = readEnv().EVIDENCE_MAX_MB;
  const form = await readMultipart(request, 'file', maxMb * 1024 * 1024);
  if (!form) return answer(await failure('assessments.evidence.file_required'), 400);
  try {
    const values = formValues(form.fields);
    const parsed = evidenceSchema.safeParse(formObject(form.fields));
    if (!parsed.success) return answer({ ...(await invalidInput(parsed.error)), values }, 400);
    if (form.fileTooLarge && parsed.data.kind === 'FILE')
      return answer(
        { ...(await failure('assessments.evidence.file_too_large', { max: maxMb })), values },
        413,
      );
    const actor = actorOf(user, await clientAddress());
    const outcome = await addEvidence(actor, user, parsed.data, form.file, maxMb * 1024 * 1024);
    if (outcome.ok) {
      revalidatePath('/wards', 'layout');
      return answer(await success('assessments.evidence.added'), 200);
    }
    const result = await failure(`assessments.evidence.${outcome.error}`, { max: maxMb });
    // A period outside the year is a warning the user may override: the reason field opens.
    const fieldErrors =
      outcome.error === 'period_outside_year'
        ? { periodReason: [result.message ?? ''] }
        : undefined;
    const status =
      outcome.error === 'not_found' ? 404 : outcome.error === 'file_not_stored' ? 503 : 400;
    return answer({ ...result, fieldErrors, values }, status);
  } finally {
    await form.dispose();
  }
}

function answer(result: ActionResult, status: number) {
  return Response.json(result, {
    status,
    headers: {
      'Cache-Control': 'no-store',
      'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
