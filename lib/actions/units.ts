'use server';

import { revalidatePath } from 'next/cache';
import { setDesignatedSuccessor } from '@/lib/data/successors';
import { designateSuccessorSchema } from '@/lib/validations/successors';
import { failure, formObject, invalidInput, success, type ActionResult } from './result';
import { actionUser } from './session';

/** An administrator designates the successor a split former unit counts under. */
export async function designateSuccessorAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('unit.manage');
  if (!session) return failure('signedOut');
  const parsed = designateSuccessorSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await setDesignatedSuccessor(
    session.actor,
    parsed.data.unitId,
    parsed.data.successorId,
  );
  if (result !== 'ok') return failure('notFound');
  revalidatePath('/', 'layout');
  return success('units.designated');
}
