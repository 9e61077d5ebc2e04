import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { dateOf, inForce, isoDate, MERGER_DATE, unitSearchKey } from '@/lib/domain/units';
import { foldForSearch } from '@/lib/domain/search-text';
import type {
  ImportProblem,
  ImportProvince,
  ImportTypeChange,
  ImportUnit,
} from '@/lib/validations/unit-import';
import { rebuildAllProgress } from '../progress/summary';
import { unitNaming } from './unit-sql';

/**
 * Imports of units, provinces and type changes (`npm run import:*`; lineage in
 * lineage-imports.ts), and the seed that loads prisma/reference through the same apply* functions
 * inside its own transaction.
 */

export type Tx = Prisma.TransactionClient;
/** Imports are long: one transaction may take minutes on the national files. */
export const IMPORT_TX = { timeout: 600_000, maxWait: 60_000 };

/** The period a list describes: today's units by default, or former ones (`validTo` set). */
export interface ImportPeriod {
  validFrom: Date | null;
  validTo: Date | null;
}

export const CURRENT_PERIOD: ImportPeriod = { validFrom: dateOf(MERGER_DATE), validTo: null };

export interface UnitImportReport {
  provinces: number;
  units: number;
  createdUnits: number;
  updatedUnits: number;
}

const samePeriod = (row: { validTo: Date | null }, period: ImportPeriod) =>
  period.validTo === null
    ? row.validTo === null
    : row.validTo !== null && isoDate(row.validTo) === isoDate(period.validTo);

/**
 * Upserts provinces and units by code among those of the same period (in force today, or ended
 * on `period.validTo`). Unchanged rows are left alone, so re-running the same file writes nothing.
 */
export async function applyUnitList(
  tx: Tx,
  list: { provinces: ImportProvince[]; units: ImportUnit[] },
  period: ImportPeriod,
): Promise<UnitImportReport> {
  const provinces = (
    await tx.province.findMany({ where: { code: { in: list.provinces.map((p) => p.code) } } })
  ).filter((p) => samePeriod(p, period));
  const provinceId = new Map(provinces.map((p) => [p.code, p.id]));
  for (const p of list.provinces) {
    const data = {
      name: p.name,
      fullName: p.fullName,
      isCity: p.isCity,
      searchKey: foldForSearch(`${p.code} ${p.fullName}`),
    };
    const current = provinces.find((e) => e.code === p.code);
    if (!current) {
      const created = await tx.province.create({
        data: { code: p.code, validFrom: period.validFrom, validTo: period.validTo, ...data },
        select: { id: true },
      });
      provinceId.set(p.code, created.id);
    } else if (
      current.name !== data.name ||
      current.fullName !== data.fullName ||
      current.isCity !== data.isCity
    ) {
      await tx.province.update({ where: { id: current.id }, data });
    }
  }

  const existing = (
    await tx.unit.findMany({
      where: period.validTo === null ? { validTo: null } : { validTo: period.validTo },
      select: {
        ...unitNaming,
        type: true,
        provinceId: true,
        districtName: true,
        validTo: true,
      },
    })
  ).filter((u) => samePeriod(u, period));
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const toCreate: Prisma.UnitCreateManyInput[] = [];
  let updated = 0;
  for (const u of list.units) {
    const data = {
      name: u.name,
      fullName: u.fullName,
      type: u.type,
      provinceId: provinceId.get(u.provinceCode)!,
      districtName: u.districtName ?? null,
      searchKey: unitSearchKey(u.code, u.fullName),
    };
    const current = byCode.get(u.code);
    if (!current) {
      toCreate.push({
        code: u.code,
        validFrom: period.validFrom,
        validTo: period.validTo,
        ...data,
      });
    } else if (
      current.name !== data.name ||
      current.fullName !== data.fullName ||
      current.type !== data.type ||
      current.provinceId !== data.provinceId ||
      (current.districtName ?? null) !== data.districtName
    ) {
      await tx.unit.update({ where: { id: current.id }, data });
      updated += 1;
    }
  }
  await insertUnits(tx, toCreate);
  return {
    provinces: list.provinces.length,
    units: list.units.length,
    createdUnits: toCreate.length,
    updatedUnits: updated,
  };
}

/** Set-based insert (one parameter per column): the national lists hold ten thousand rows. */
async function insertUnits(tx: Tx, rows: Prisma.UnitCreateManyInput[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: Prisma.UnitCreateManyInput) => T) => rows.map(f);
  const day = (d: Date | string | null | undefined) =>
    d ? isoDate(typeof d === 'string' ? new Date(d) : d) : null;
  await tx.$executeRaw`
    INSERT INTO units (code, name, full_name, type, province_id, search_key, valid_from, valid_to, district_name, updated_at)
    SELECT code, name, full_name, type::"UnitType", province_id, search_key, valid_from, valid_to, district_name, now()
      FROM unnest(${col((r) => r.code)}::text[], ${col((r) => r.name)}::text[], ${col((r) => r.fullName)}::text[],
                  ${col((r) => r.type)}::text[], ${col((r) => r.provinceId)}::int[], ${col((r) => r.searchKey)}::text[],
                  ${col((r) => day(r.validFrom))}::date[], ${col((r) => day(r.validTo))}::date[],
                  ${col((r) => r.districtName ?? null)}::text[])
        AS t(code, name, full_name, type, province_id, search_key, valid_from, valid_to, district_name)`;
}

export async function importUnitList(
  list: { provinces: ImportProvince[]; units: ImportUnit[] },
  period: ImportPeriod = CURRENT_PERIOD,
): Promise<UnitImportReport> {
  return db().$transaction(async (tx) => {
    const report = await applyUnitList(tx, list, period);
    // Ward counts (and scopes) may have changed everywhere.
    if (report.createdUnits + report.updatedUnits > 0) await rebuildAllProgress(tx);
    return report;
  }, IMPORT_TX);
}

export type TypeChangeImportResult =
  { ok: true; created: number; unchanged: number } | { ok: false; problems: ImportProblem[] };

/**
 * Records type changes that take effect on a date (upsert by unit and date); the unit's own type
 * becomes the type after its latest change.
 */
export async function applyTypeChanges(
  tx: Tx,
  rows: ImportTypeChange[],
): Promise<TypeChangeImportResult> {
  const units = await tx.unit.findMany({
    where: { code: { in: [...new Set(rows.map((r) => r.unitCode))] } },
    select: { id: true, code: true, validFrom: true, validTo: true },
  });
  const problems: ImportProblem[] = [];
  const resolved: { unitId: number; row: ImportTypeChange }[] = [];
  for (const row of rows) {
    const unit = units.find(
      (u) => u.code === row.unitCode && inForce(u, dateOf(row.effectiveDate)),
    );
    if (!unit)
      problems.push({
        row: `line ${row.line}`,
        field: 'unit_code',
        message: `no unit ${row.unitCode} is in force on ${row.effectiveDate}`,
      });
    else resolved.push({ unitId: unit.id, row });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 200) };
  const existing = await tx.unitTypeChange.findMany({
    where: { unitId: { in: resolved.map((r) => r.unitId) } },
  });
  let created = 0;
  for (const { unitId, row } of resolved) {
    const effectiveDate = dateOf(row.effectiveDate);
    const current = existing.find(
      (e) => e.unitId === unitId && isoDate(e.effectiveDate) === row.effectiveDate,
    );
    const data = { fromType: row.fromType, toType: row.toType, basis: row.basis };
    if (!current) {
      await tx.unitTypeChange.create({ data: { unitId, effectiveDate, ...data } });
      created += 1;
    } else if (
      current.fromType !== data.fromType ||
      current.toType !== data.toType ||
      current.basis !== data.basis
    )
      await tx.unitTypeChange.update({ where: { id: current.id }, data });
  }
  for (const unitId of new Set(resolved.map((r) => r.unitId))) {
    const latest = await tx.unitTypeChange.findFirstOrThrow({
      where: { unitId },
      orderBy: { effectiveDate: 'desc' },
      select: { toType: true },
    });
    await tx.unit.updateMany({
      where: { id: unitId, NOT: { type: latest.toType } },
      data: { type: latest.toType },
    });
  }
  return { ok: true, created, unchanged: resolved.length - created };
}

export async function importTypeChanges(rows: ImportTypeChange[]): Promise<TypeChangeImportResult> {
  return db().$transaction(async (tx) => {
    const result = await applyTypeChanges(tx, rows);
    if (result.ok && result.created > 0) await rebuildAllProgress(tx);
    return result;
  }, IMPORT_TX);
}
