import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

/** What every query about units shares: SQL fragments for units over time, and the fields that name a unit. */

/** The SQL for "the unit's type on a date": before its first change after the date, that change's former type. */
export const typeOnSql = (unitAlias: string, on: Prisma.Sql) => Prisma.sql`coalesce(
  (SELECT c.from_type FROM unit_type_changes c WHERE c.unit_id = ${Prisma.raw(unitAlias)}.id AND c.effective_date > ${on}
    ORDER BY c.effective_date LIMIT 1), ${Prisma.raw(unitAlias)}.type)`;

export const inForceSql = (unitAlias: string, on: Prisma.Sql) =>
  Prisma.sql`(${Prisma.raw(unitAlias)}.valid_from IS NULL OR ${Prisma.raw(unitAlias)}.valid_from <= ${on})
    AND (${Prisma.raw(unitAlias)}.valid_to IS NULL OR ${Prisma.raw(unitAlias)}.valid_to >= ${on})`;

/** The fields that name a unit, as every read that shows or matches units selects them. */
export const unitNaming = { id: true, code: true, name: true, fullName: true } as const;
