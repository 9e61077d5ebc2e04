'use server';

import { revalidatePath } from 'next/cache';
import { deleteTarget, saveTarget } from '@/lib/data/targets';
import { targetIdSchema, targetSchema } from '@/lib/validations/targets';
import { failure, formObject, invalidInput, success, type ActionResult } from './result';
import { actionUser } from './session';

export async function saveTargetAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('target.manage');
  if (!session) return failure('signedOut');
  const parsed = targetSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await saveTarget(session.actor, parsed.data);
  if (!result.ok) return failure('notFound');
  revalidatePath('/', 'layout');
  return success('targets.saved');
}

export async function deleteTargetAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('target.manage');
  if (!session) return failure('signedOut');
  const parsed = targetIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await deleteTarget(session.actor, parsed.data.id);
  if (!result.ok) return failure('notFound');
  revalidatePath('/', 'layout');
  return success('targets.deleted');
}
