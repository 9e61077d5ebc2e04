import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { designateSuccessor, isChosenByPerson, type SuccessorBasis } from '@/lib/domain/lineage';
import { dateOf, isoDate, MERGER_DATE, unitSearchKey, type UnitType } from '@/lib/domain/units';
import { foldForSearch } from '@/lib/domain/search-text';
import type {
  ImportLineage,
  ImportProblem,
  ImportProvince,
  ImportTypeChange,
  ImportUnit,
} from '@/lib/validations/unit-import';
import { rebuildAllProgress } from './progress-summary';

/**
 * Imports of units, provinces, lineage and type changes: `npm run import:*`, and the seed that
 * loads prisma/reference through the same apply* functions inside its own transaction.
 */

type Tx = Prisma.TransactionClient;
const TX = { timeout: 600_000, maxWait: 60_000 };
const DAY_MS = 86_400_000;

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
        id: true,
        code: true,
        name: true,
        fullName: true,
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
  }, TX);
}

export type LineageImportResult =
  | { ok: true; created: number; unchanged: number; designationsChanged: number }
  | { ok: false; problems: ImportProblem[] };

interface UnitAt {
  id: number;
  code: string;
  name: string;
  type: UnitType;
  validFrom: Date | null;
  validTo: Date | null;
}

const inForce = (u: { validFrom: Date | null; validTo: Date | null }, on: Date) =>
  (u.validFrom === null || u.validFrom <= on) && (u.validTo === null || u.validTo >= on);

/**
 * Links former units (and provinces) to their successors: the old one is the unit with that code
 * in force the day before the effective date, the new one the unit in force on it; an old unit
 * still open is closed the day before. Every row is checked first; one unknown code and nothing
 * is written. Then each former unit touched gets its designated successor (lib/domain/lineage):
 * the one the file names, else the rule's; a choice an administrator made in the app is kept.
 */
export async function applyLineage(tx: Tx, rows: ImportLineage[]): Promise<LineageImportResult> {
  const problems: ImportProblem[] = [];
  const unitRows = rows.filter((r) => r.level === 'unit');

  const codes = [...new Set(unitRows.flatMap((r) => [r.oldCode, r.newCode]))];
  const units: UnitAt[] = [];
  for (let i = 0; i < codes.length; i += 5000)
    units.push(
      ...(await tx.unit.findMany({
        where: { code: { in: codes.slice(i, i + 5000) } },
        select: { id: true, code: true, name: true, type: true, validFrom: true, validTo: true },
      })),
    );
  const unitsByCode = new Map<string, UnitAt[]>();
  for (const u of units) unitsByCode.set(u.code, [...(unitsByCode.get(u.code) ?? []), u]);
  const unitOn = (code: string, on: Date) => unitsByCode.get(code)?.find((u) => inForce(u, on));

  const provinces = await tx.province.findMany({
    select: { id: true, code: true, validFrom: true, validTo: true, successorId: true },
  });
  const provinceOn = (code: string, on: Date) =>
    provinces.find((p) => p.code === code && inForce(p, on));

  interface Link {
    old: UnitAt;
    new: UnitAt;
    effectiveDate: Date;
    designated: boolean;
  }
  const links: Link[] = [];
  const provinceLinks: { oldId: number; newId: number }[] = [];
  for (const r of rows) {
    const effective = dateOf(r.effectiveDate);
    const dayBefore = new Date(effective.getTime() - DAY_MS);
    const kind = r.level === 'unit' ? 'unit' : 'province';
    const [oldOne, newOne] =
      r.level === 'unit'
        ? [unitOn(r.oldCode, dayBefore), unitOn(r.newCode, effective)]
        : [provinceOn(r.oldCode, dayBefore), provinceOn(r.newCode, effective)];
    if (!oldOne)
      problems.push({
        row: `line ${r.line}`,
        field: 'old_code',
        message: `no ${kind} ${r.oldCode} was in force on ${isoDate(dayBefore)}`,
      });
    if (!newOne)
      problems.push({
        row: `line ${r.line}`,
        field: 'new_code',
        message: `no ${kind} ${r.newCode} is in force on ${r.effectiveDate}`,
      });
    if (!oldOne || !newOne) continue;
    if (r.level === 'unit')
      links.push({
        old: oldOne as UnitAt,
        new: newOne as UnitAt,
        effectiveDate: effective,
        designated: r.designated,
      });
    else provinceLinks.push({ oldId: oldOne.id, newId: newOne.id });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 200) };

  for (const p of provinceLinks)
    if (provinces.find((x) => x.id === p.oldId)?.successorId !== p.newId)
      await tx.province.update({ where: { id: p.oldId }, data: { successorId: p.newId } });

  const oldIds = [...new Set(links.map((l) => l.old.id))];
  const existing = await tx.unitLineage.findMany({
    where: { oldUnitId: { in: oldIds } },
    select: { oldUnitId: true, newUnitId: true },
  });
  const have = new Set(existing.map((e) => `${e.oldUnitId}>${e.newUnitId}`));
  const fresh = links.filter((l) => !have.has(`${l.old.id}>${l.new.id}`));
  if (fresh.length > 0)
    await tx.$executeRaw`
      INSERT INTO unit_lineage (old_unit_id, new_unit_id, effective_date)
      SELECT * FROM unnest(${fresh.map((l) => l.old.id)}::int[], ${fresh.map((l) => l.new.id)}::int[],
                           ${fresh.map((l) => isoDate(l.effectiveDate))}::date[])`;
  const toClose = new Map<number, Date>();
  for (const l of links)
    if (l.old.validTo === null) toClose.set(l.old.id, new Date(l.effectiveDate.getTime() - DAY_MS));
  for (const [id, validTo] of toClose)
    await tx.unit.updateMany({ where: { id, validTo: null }, data: { validTo } });

  const named = new Map(links.filter((l) => l.designated).map((l) => [l.old.id, l.new.id]));
  const designationsChanged = await designateSuccessors(tx, oldIds, named);
  return {
    ok: true,
    created: fresh.length,
    unchanged: links.length - fresh.length,
    designationsChanged,
  };
}

/**
 * Sets the designated successor of these former units: `named` (from a lineage file) where given,
 * else the rule's; never over an administrator's choice. Returns how many changed.
 */
async function designateSuccessors(
  tx: Tx,
  formerIds: number[],
  named: Map<number, number>,
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < formerIds.length; i += 2000) {
    const formers = await tx.unit.findMany({
      where: { id: { in: formerIds.slice(i, i + 2000) } },
      select: {
        id: true,
        code: true,
        name: true,
        type: true,
        countsUnderId: true,
        successorBasis: true,
        successors: {
          select: { newUnit: { select: { id: true, code: true, name: true, type: true } } },
        },
      },
    });
    const updates: { id: number; countsUnderId: number; basis: SuccessorBasis }[] = [];
    for (const f of formers) {
      if (f.successorBasis === 'ADMIN') continue;
      const successors = f.successors.map((s) => s.newUnit);
      const fileChoice = named.get(f.id);
      let next: { id: number; basis: SuccessorBasis } | null = null;
      if (fileChoice !== undefined) next = { id: fileChoice, basis: 'FILE' };
      else if (isChosenByPerson(f.successorBasis) && f.countsUnderId !== null) continue;
      else {
        const pick = designateSuccessor(f, successors);
        if (pick) next = { id: pick.successor.id, basis: pick.basis };
      }
      if (!next || (next.id === f.countsUnderId && next.basis === f.successorBasis)) continue;
      updates.push({ id: f.id, countsUnderId: next.id, basis: next.basis });
      changed += 1;
    }
    if (updates.length > 0)
      await tx.$executeRaw`
        UPDATE units u SET counts_under_id = v.counts_under_id, successor_basis = v.basis::"SuccessorBasis"
          FROM unnest(${updates.map((x) => x.id)}::int[], ${updates.map((x) => x.countsUnderId)}::int[],
                      ${updates.map((x) => x.basis)}::text[]) AS v(id, counts_under_id, basis)
         WHERE u.id = v.id`;
  }
  return changed;
}

export async function importLineage(rows: ImportLineage[]): Promise<LineageImportResult> {
  return db().$transaction(async (tx) => {
    const result = await applyLineage(tx, rows);
    if (result.ok && (result.created > 0 || result.designationsChanged > 0))
      await rebuildAllProgress(tx);
    return result;
  }, TX);
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
  }, TX);
}
