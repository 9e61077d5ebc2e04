import 'server-only';
import { db } from '@/lib/server/db';
import { completenessOf, type Completeness } from '@/lib/domain/completeness';
import { listProvinceWardsFor } from '../units/ward-tables';

export interface ProvinceCompleteness {
  provinceId: number;
  name: string;
  completeness: Completeness;
}

/**
 * How complete each of today's provinces' data is for the year (lib/domain/completeness.ts), from
 * the ward tables the cards count (kept in memory under the provinces' data versions): the nation
 * (provinceId null) or one province.
 */
export async function completenessByProvince(
  provinceId: number | null,
  options: { year: number; lineage: boolean },
  now: Date,
): Promise<ProvinceCompleteness[]> {
  const provinces = await db().province.findMany({
    where: provinceId === null ? { validTo: null } : { id: provinceId },
    select: { id: true, name: true },
  });
  return Promise.all(
    provinces.map(async (p) => ({
      provinceId: p.id,
      name: p.name,
      completeness: completenessOf(await listProvinceWardsFor(p.id, options), now),
    })),
  );
}
