'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  importCriteriaSet,
  setCriteriaSetYears,
  updateCriterion,
} from '@/lib/data/programme/criteria-sets';
import { decodeUtf8 } from '@/lib/validations/unit-import';
import { recordId } from '@/lib/validations/ids';
import {
  criteriaSetMetaSchema,
  criterionEditFromForm,
  criterionEditSchema,
  parseCriteriaSetFile,
} from '@/lib/validations/criteria-set';
import { defineAction } from './define';
import { failure, formObject, success, type ActionMessage, type ActionResult } from './result';

function done(key: ActionMessage, values?: Record<string, number>): Promise<ActionResult> {
  revalidatePath('/admin/criteria', 'layout');
  return success(key, undefined, values);
}

export const updateCriterionAction = defineAction(
  'criteria.manage',
  criterionEditSchema,
  async ({ actor, input }) => {
    const result = await updateCriterion(actor, input);
    if (!result.ok) return failure(result.error === 'in_use' ? 'criteria.inUse' : 'notFound');
    return done('criteria.saved');
  },
  { read: (formData) => criterionEditFromForm(formObject(formData)) },
);

const setYearsSchema = z.object({ id: recordId, years: criteriaSetMetaSchema.shape.years });

export const setYearsAction = defineAction(
  'criteria.manage',
  setYearsSchema,
  async ({ actor, input }) => {
    if (!(await setCriteriaSetYears(actor, input.id, input.years))) return failure('notFound');
    return done('criteria.yearsSaved');
  },
  { read: (formData) => ({ id: formData.get('id'), years: formData.getAll('year') }) },
);

const MAX_FILE = 2 * 1024 * 1024;

export const importCriteriaSetAction = defineAction(
  'criteria.manage',
  criteriaSetMetaSchema,
  async ({ actor, input, formData }) => {
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return failure('criteria.fileRequired');
    if (file.size > MAX_FILE) return failure('criteria.fileTooLarge');
    const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
    if (text === null) return failure('criteria.notUtf8');
    const parsed = parseCriteriaSetFile(text, file.name, input);
    if (!parsed.ok) {
      const result = await failure('criteria.invalidFile');
      return { ...result, fieldErrors: { file: parsed.problems.slice(0, 30) } };
    }
    if (!(await importCriteriaSet(actor, parsed.set)).ok) return failure('criteria.codeTaken');
    return done('criteria.imported', { count: parsed.set.criteria.length });
  },
  { read: (formData) => ({ ...formObject(formData), years: formData.getAll('year') }) },
);
