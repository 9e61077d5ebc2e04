'use server';

import { revalidatePath } from 'next/cache';
import { readEnv } from '@/lib/env';
import {
  registerWards,
  saveResult,
  transitionAssessment,
  type SaveResultOutcome,
} from '@/lib/data/assessments';
import { addEvidence, removeEvidence } from '@/lib/data/evidence';
import { findTransition } from '@/lib/domain/workflow';
import { can } from '@/lib/permissions';
import {
  evidenceIdSchema,
  evidenceSchema,
  registerSchema,
  saveResultSchema,
  transitionSchema,
} from '@/lib/validations/assessments';
import { failure, formObject, invalidInput, success, type ActionResult } from './result';
import { actionUser } from './session';

type Conflict = Extract<SaveResultOutcome, { error: 'conflict' }>['current'];
export type SaveResultData = { version?: number; state?: string; conflict?: Conflict };

/** Saves one criterion's result over the version the user started from. */
export async function saveResultAction(
  _prev: ActionResult<SaveResultData>,
  formData: FormData,
): Promise<ActionResult<SaveResultData>> {
  const session = await actionUser('result.edit');
  if (!session) return failure('signedOut');
  const parsed = saveResultSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const outcome = await saveResult(session.actor, session.user, parsed.data);
  if (!outcome.ok) {
    if (outcome.error === 'conflict') {
      const result = await failure<SaveResultData>('assessments.conflict', {
        name: outcome.current.updatedBy ?? '—',
      });
      return { ...result, data: { conflict: outcome.current } };
    }
    if (outcome.error === 'invalid') {
      const result = await failure<SaveResultData>(`assessments.value.${outcome.problem}`);
      return { ...result, fieldErrors: { value: [result.message ?? ''] } };
    }
    return failure(`assessments.${outcome.error}`);
  }
  revalidatePath('/wards', 'layout');
  return success('assessments.saved', { version: outcome.version, state: outcome.state });
}

/** Reads the return form: a checkbox `item` per criterion and its `reason-<resultId>`. */
function returnItems(formData: FormData) {
  return formData
    .getAll('item')
    .map(String)
    .map((resultId) => ({ resultId, reason: String(formData.get(`reason-${resultId}`) ?? '') }));
}

export async function transitionAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('any');
  if (!session) return failure('signedOut');
  const raw = formObject(formData);
  const parsed = transitionSchema.safeParse({
    assessmentId: raw.assessmentId,
    name: raw.name,
    items: formData.has('item') ? returnItems(formData) : undefined,
    decision:
      raw.decisionNumber !== undefined || raw.decisionDate !== undefined
        ? { number: raw.decisionNumber ?? '', date: raw.decisionDate ?? '' }
        : undefined,
    reason: raw.reason || undefined,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  if (!can(session.user, findTransition(parsed.data.name).permission)) return failure('signedOut');
  const outcome = await transitionAssessment(session.actor, session.user, parsed.data);
  if (!outcome.ok) return failure(`assessments.transition.${outcome.error}`);
  revalidatePath('/', 'layout');
  return success(`assessments.transition.done.${parsed.data.name}`);
}

export async function registerWardsAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('assessment.register');
  if (!session) return failure('signedOut');
  const parsed = registerSchema.safeParse({
    provinceCode: formData.get('provinceCode'),
    year: formData.get('year'),
    unitCodes: formData.getAll('unitCode').map(String),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const outcome = await registerWards(
    session.actor,
    session.user,
    parsed.data.year,
    parsed.data.unitCodes,
  );
  if (!outcome.ok) return failure(`assessments.register.${outcome.error}`);
  revalidatePath('/assessments');
  return success('assessments.register.done', undefined, { count: outcome.registered });
}

export async function addEvidenceAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('evidence.add');
  if (!session) return failure('signedOut');
  const parsed = evidenceSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const upload = formData.get('file');
  const file =
    upload instanceof File && upload.size > 0
      ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) }
      : null;
  const maxMb = readEnv().EVIDENCE_MAX_MB;
  const outcome = await addEvidence(
    session.actor,
    session.user,
    parsed.data,
    file,
    maxMb * 1024 * 1024,
  );
  if (!outcome.ok) return failure(`assessments.evidence.${outcome.error}`, { max: maxMb });
  revalidatePath('/wards', 'layout');
  return success('assessments.evidence.added');
}

export async function removeEvidenceAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('evidence.remove');
  if (!session) return failure('signedOut');
  const parsed = evidenceIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const outcome = await removeEvidence(session.actor, session.user, parsed.data.evidenceId);
  if (!outcome.ok) return failure(`assessments.evidence.${outcome.error}`);
  revalidatePath('/wards', 'layout');
  return success('assessments.evidence.removed');
}
