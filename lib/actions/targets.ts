'use server';

import { revalidatePath } from 'next/cache';
import { deleteTarget, saveTarget } from '@/lib/data/programme/targets';
import { targetIdSchema, targetSchema } from '@/lib/validations/targets';
import { defineAction } from './define';
import { failure, success } from './result';

export const saveTargetAction = defineAction('target.manage', targetSchema, async (c) => {
  if (!(await saveTarget(c.actor, c.input)).ok) return failure('notFound');
  revalidatePath('/', 'layout');
  return success('targets.saved');
});

export const deleteTargetAction = defineAction('target.manage', targetIdSchema, async (c) => {
  if (!(await deleteTarget(c.actor, c.input.id)).ok) return failure('notFound');
  revalidatePath('/', 'layout');
  return success('targets.deleted');
});
