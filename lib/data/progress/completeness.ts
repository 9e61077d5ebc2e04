import 'server-only';
import { completenessOf, type Completeness } from '@/lib/domain/completeness';
import type { ProvinceWardTable } from '../units/ward-tables';

export interface ProvinceCompleteness {
  provinceId: number;
  name: string;
  completeness: Completeness;
}

/**
 * How complete each province's data is for the year (lib/domain/completeness.ts), from the ward
 * tables the cards count (todaysWardTables, kept in memory under the provinces' data versions).
 */
export function completenessByProvince(
  tables: readonly ProvinceWardTable[],
  now: Date,
): ProvinceCompleteness[] {
  return tables.map((t) => ({
    provinceId: t.provinceId,
    name: t.name,
    completeness: completenessOf(t.rows, now),
  }));
}
