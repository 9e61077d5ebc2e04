import { z } from 'zod';
import { wardCategories, type WardCategory } from '@/lib/domain/maps';
import { wardSorts, type SortDir, type WardSort } from '@/lib/domain/ward-list';
import type { DashboardQuery } from './dashboard';
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

/** Everything the ward list shows by: the dashboard view it belongs to, then its own address. */
export interface WardListState {
  year: number;
  basis: 'official' | 'provisional';
  units: 'today' | 'recorded';
  province?: string;
  category?: WardCategory;
  criterion?: number;
  sort: WardSort;
  dir: SortDir;
  page: number;
}

/** The list's state from the page's view and the list's own (checked) address, with defaults. */
export function wardListState(
  view: Pick<DashboardQuery, 'year' | 'official' | 'lineage'>,
  list: ReturnType<typeof readWardListQuery>['query'],
): WardListState {
  return {
    year: view.year,
    basis: view.official ? 'official' : 'provisional',
    units: view.lineage ? 'today' : 'recorded',
    province: list.province,
    category: list.category,
    criterion: list.criterion,
    sort: list.sort ?? 'ward',
    dir: list.dir ?? 'asc',
    page: list.page ?? 1,
  };
}
