'use server';

import { revalidatePath } from 'next/cache';
import { setDesignatedSuccessor } from '@/lib/data/units/successors';
import { designateSuccessorSchema } from '@/lib/validations/successors';
import { defineAction } from './define';
import { failure, success } from './result';

/** An administrator designates the successor a split former unit counts under. */
export const designateSuccessorAction = defineAction(
  'unit.manage',
  designateSuccessorSchema,
  async ({ actor, input }) => {
    if ((await setDesignatedSuccessor(actor, input.unitId, input.successorId)) !== 'ok')
      return failure('notFound');
    revalidatePath('/', 'layout');
    return success('units.designated');
  },
);
