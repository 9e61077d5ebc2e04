import { z } from 'zod';
import { wardCategories } from '@/lib/domain/maps';
import { wardSorts } from '@/lib/domain/ward-list';
import { pageNumberSchema, readQuery, type RawQuery } from './page-query';
import { provinceCodeSchema } from './units';

/**
 * The ward list's address: which wards (a map category, a criterion not met, a province) in what
 * order and which page. Every value is checked; a bad one is dropped and named, never guessed.
 */
export const wardListShape = {
  category: z.enum(wardCategories),
  criterion: z.coerce.number().int().min(1).max(99),
  province: provinceCodeSchema,
  sort: z.enum(wardSorts),
  dir: z.enum(['asc', 'desc']),
  page: pageNumberSchema,
};

export function readWardListQuery(raw: RawQuery) {
  return readQuery(raw, wardListShape);
}

/** Whether an address asks for the filtered list (any of its filters). */
export const asksForWardList = (raw: RawQuery) =>
  ['category', 'criterion', 'province'].some((k) => raw[k] !== undefined && raw[k] !== '');
