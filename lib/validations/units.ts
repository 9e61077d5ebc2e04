import { z } from 'zod';
import { isoDaySchema } from './text';

/** The formats of unit and province codes and of the dates that pick a unit, shared by every route. */

export const UNIT_CODE = /^\d{5}$/;
export const PROVINCE_CODE = /^\d{2}$/;

export const unitCodeSchema = z.string().regex(UNIT_CODE, { error: 'unitCode' });
export const provinceCodeSchema = z.string().regex(PROVINCE_CODE, { error: 'provinceCode' });

/** A ward's address: its code and, for a former unit whose code was reused, the day it was in force. */
export const wardAddressSchema = z.object({
  code: unitCodeSchema,
  on: isoDaySchema.optional(),
});

/** The first value of a search parameter. */
export const firstParam = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
