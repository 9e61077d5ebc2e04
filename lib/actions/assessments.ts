'use server';

import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/format';
import { registerWards } from '@/lib/data/assessments/registration';
import { saveResult, type SaveResultOutcome } from '@/lib/data/assessments/results';
import { transitionMany } from '@/lib/data/assessments/bulk';
import { transitionAssessment } from '@/lib/data/assessments/workflow';
import { addComment, respondToReturn } from '@/lib/data/assessments/returns';
import { removeEvidence } from '@/lib/data/evidence/evidence';
import { transitionPermissions } from '@/lib/domain/workflow';
import {
  bulkTransitionSchema,
  commentSchema,
  evidenceIdSchema,
  registerSchema,
  returnResponseSchema,
  saveResultSchema,
  transitionSchema,
} from '@/lib/validations/assessments';
import { readReturnItems } from '@/lib/validations/return-form';
import { defineAction } from './define';
import { failure, formObject, success, type ActionResult } from './result';

type Conflict = Extract<SaveResultOutcome, { error: 'conflict' }>['current'];
export type SaveResultData = {
  version?: number;
  state?: string;
  /** The figures as stored, for the form to show back in the user's language. */
  value?: number | null;
  baseline?: number | null;
  conflict?: Conflict;
};

/** Saves one criterion's result over the version the user started from. */
export const saveResultAction = defineAction(
  'result.edit',
  saveResultSchema,
  async ({ actor, user, input }): Promise<ActionResult<SaveResultData>> => {
    const outcome = await saveResult(actor, user, input);
    if (outcome.ok) {
      revalidatePath('/wards', 'layout');
      return success('assessments.saved', {
        version: outcome.version,
        state: outcome.state,
        value: outcome.value,
        baseline: outcome.baseline,
      });
    }
    if (outcome.error === 'conflict') {
      const name = outcome.current.updatedBy ?? '—';
      const result = await failure<SaveResultData>('assessments.conflict', { name });
      return { ...result, data: { conflict: outcome.current } };
    }
    if (outcome.error === 'invalid') {
      const result = await failure<SaveResultData>(`assessments.value.${outcome.problem}`);
      return { ...result, fieldErrors: { value: [result.message ?? ''] } };
    }
    return failure(`assessments.${outcome.error}`);
  },
);

/**
 * Reads the workflow form: the criteria returned with their reasons (lib/validations/
 * return-form.ts), a decision's number and date, a reason.
 */
function readTransition(formData: FormData) {
  const raw = formObject(formData);
  return {
    assessmentId: raw.assessmentId,
    name: raw.name,
    items: readReturnItems(formData),
    decision:
      raw.decisionNumber !== undefined || raw.decisionDate !== undefined
        ? { number: raw.decisionNumber ?? '', date: raw.decisionDate ?? '' }
        : undefined,
    reason: raw.reason || undefined,
    fixBy: raw.fixBy || undefined,
  };
}

/** One workflow step; the step's own permission is checked once, against the record, in the data layer. */
export const transitionAction = defineAction(
  transitionPermissions,
  transitionSchema,
  async ({ actor, user, input }) => {
    const outcome = await transitionAssessment(actor, user, input);
    if (!outcome.ok)
      return failure(`assessments.transition.${outcome.error}`, {
        list: outcome.criteria?.join(', ') ?? '',
        due: outcome.late ? formatDate(outcome.late.due, await getLocale()) : '',
      });
    revalidatePath('/', 'layout');
    return success(`assessments.transition.done.${input.name}`);
  },
  { read: readTransition },
);

/**
 * One step on the dossiers ticked in the queue. All moved: a success naming how many; some
 * refused: an error naming each ward and why, the others moved all the same.
 */
export const bulkTransitionAction = defineAction(
  transitionPermissions,
  bulkTransitionSchema,
  async ({ actor, user, input }) => {
    const outcome = await transitionMany(actor, user, input.name, input.assessmentIds);
    if (outcome.done) revalidatePath('/', 'layout');
    if (outcome.refused.length === 0)
      return success(`assessments.bulk.done.${input.name}`, undefined, { count: outcome.done });
    const t = await getTranslations('actions.assessments.transition');
    const reasons = outcome.refused
      .map((r) => `${r.ward}: ${t(r.error, { list: r.criteria?.join(', ') ?? '', due: '' })}`)
      .join(' · ');
    return failure('assessments.bulk.partly', {
      done: outcome.done,
      total: input.assessmentIds.length,
      reasons,
    });
  },
  {
    read: (formData) => ({
      name: formData.get('name'),
      assessmentIds: formData.getAll('assessmentId'),
    }),
  },
);

export const registerWardsAction = defineAction(
  'assessment.register',
  registerSchema,
  async ({ actor, user, input }) => {
    const outcome = await registerWards(
      actor,
      user,
      input.year,
      input.unitCodes,
      input.lateReason || undefined,
    );
    if (!outcome.ok)
      return failure(`assessments.register.${outcome.error}`, {
        due: 'late' in outcome ? formatDate(outcome.late.due, await getLocale()) : '',
      });
    revalidatePath('/assessments');
    return success('assessments.register.done', undefined, { count: outcome.registered });
  },
  {
    read: (formData) => ({
      year: formData.get('year'),
      unitCodes: formData.getAll('unitCode'),
      lateReason: formData.get('lateReason') || undefined,
    }),
  },
);

export const removeEvidenceAction = defineAction(
  'evidence.remove',
  evidenceIdSchema,
  async ({ actor, user, input }) => {
    const outcome = await removeEvidence(actor, user, input.evidenceId);
    if (!outcome.ok) return failure(`assessments.evidence.${outcome.error}`);
    revalidatePath('/wards', 'layout');
    return success('assessments.evidence.removed');
  },
);

/** The ward answers a returned criterion in writing. */
export const respondToReturnAction = defineAction(
  'result.edit',
  returnResponseSchema,
  async ({ actor, user, input }) => {
    const outcome = await respondToReturn(actor, user, input);
    if (!outcome.ok) return failure(`assessments.${outcome.error}`);
    revalidatePath('/wards', 'layout');
    return success('assessments.responded');
  },
);

/** A comment under a criterion (not a return): the ward, its province and the Ministry. */
export const addCommentAction = defineAction(
  'comment.add',
  commentSchema,
  async ({ actor, user, input }) => {
    const outcome = await addComment(actor, user, input);
    if (!outcome.ok) return failure(`assessments.${outcome.error}`);
    revalidatePath('/wards', 'layout');
    return success('assessments.commented');
  },
);
