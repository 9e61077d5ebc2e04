import { z } from 'zod';
import { recordId } from './ids';
import { provinceCodeSchema } from './units';
import { pageNumberSchema } from './page-query';
import { plainText } from './text';

export const designateSuccessorSchema = z.object({ unitId: recordId, successorId: recordId });
export type DesignateSuccessorInput = z.infer<typeof designateSuccessorSchema>;

/** The filters of the split-units review, from the address bar. */
export const splitUnitsQuerySchema = z.object({
  province: provinceCodeSchema.optional().catch(undefined),
  toConfirm: z
    .enum(['1'])
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
  q: plainText(100).optional().catch(undefined),
  page: pageNumberSchema.optional().catch(undefined),
});
