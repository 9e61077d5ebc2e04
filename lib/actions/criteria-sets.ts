'use server';

import { revalidatePath } from 'next/cache';
import { importCriteriaSet, setCriteriaSetYears, updateCriterion } from '@/lib/data/criteria-sets';
import { decodeUtf8 } from '@/lib/validations/unit-import';
import { recordId } from '@/lib/validations/ids';
import {
  criteriaSetMetaSchema,
  criterionEditFromForm,
  criterionEditSchema,
  parseCriteriaSetFile,
} from '@/lib/validations/criteria-set';
import { failure, formObject, invalidInput, success, type ActionResult } from './result';
import { actionUser } from './session';

export async function updateCriterionAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('criteria.manage');
  if (!session) return failure('signedOut');
  const parsed = criterionEditSchema.safeParse(criterionEditFromForm(formObject(formData)));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await updateCriterion(session.actor, parsed.data);
  if (!result.ok) return failure(result.error === 'in_use' ? 'criteria.inUse' : 'notFound');
  revalidatePath('/admin/criteria', 'layout');
  return success('criteria.saved');
}

export async function setYearsAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('criteria.manage');
  if (!session) return failure('signedOut');
  const id = recordId.safeParse(formData.get('id'));
  const years = criteriaSetMetaSchema.shape.years.safeParse(formData.getAll('year'));
  if (!id.success || !years.success) return failure('notFound');
  if (!(await setCriteriaSetYears(session.actor, id.data, years.data))) return failure('notFound');
  revalidatePath('/admin/criteria', 'layout');
  return success('criteria.yearsSaved');
}

const MAX_FILE = 2 * 1024 * 1024;

export async function importCriteriaSetAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('criteria.manage');
  if (!session) return failure('signedOut');
  const meta = criteriaSetMetaSchema.safeParse({
    ...formObject(formData),
    years: formData.getAll('year'),
  });
  if (!meta.success) return invalidInput(meta.error);
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return failure('criteria.fileRequired');
  if (file.size > MAX_FILE) return failure('criteria.fileTooLarge');
  const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
  if (text === null) return failure('criteria.notUtf8');
  const parsed = parseCriteriaSetFile(text, file.name, meta.data);
  if (!parsed.ok) {
    const result = await failure('criteria.invalidFile');
    return { ...result, fieldErrors: { file: parsed.problems.slice(0, 30) } };
  }
  const result = await importCriteriaSet(session.actor, parsed.set);
  if (!result.ok) return failure('criteria.codeTaken');
  revalidatePath('/admin/criteria', 'layout');
  return success('criteria.imported', undefined, { count: parsed.set.criteria.length });
}
