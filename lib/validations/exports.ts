import { z } from 'zod';
import { exportTableNames } from '@/lib/domain/export-tables';
import { PROVINCE_CODE } from './units';
import { yearSchema } from './year';

export const reportQuerySchema = z.object({
  province: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.string().regex(PROVINCE_CODE).optional(),
  ),
  year: yearSchema,
  basis: z.enum(['official', 'provisional']).default('official'),
  units: z.enum(['today', 'recorded']).default('today'),
});

export const tableExportSchema = reportQuerySchema.extend({
  table: z.enum(exportTableNames),
  format: z.enum(['xlsx', 'csv']),
});

/** Query string values as a plain object (first value of each key). */
export function searchObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in out)) out[k] = v;
  return out;
}
