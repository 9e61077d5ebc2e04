import 'server-only';
import { db } from '@/lib/db';
import { foldForSearch } from '@/lib/domain/search-text';
import { reachOf, type Scope } from '@/lib/permissions';
import { rebuildAllProgress } from './progress-summary';
import type {
  ImportLineage,
  ImportProblem,
  ImportProvince,
  ImportUnit,
} from '@/lib/validations/unit-import';

/** The day the 2025 merger took effect: the default start of units imported without dates. */
export const DEFAULT_VALID_FROM = new Date('2025-07-01T00:00:00.000Z');

export interface UnitImportReport {
  provinces: number;
  units: number;
  createdUnits: number;
  updatedUnits: number;
}

/**
 * Upserts provinces and units by code among the units in force (valid_to empty), in one
 * transaction. Unchanged rows are left alone, so re-running the same file writes nothing.
 */
export async function importUnitList(
  list: { provinces: ImportProvince[]; units: ImportUnit[] },
  validFrom: Date = DEFAULT_VALID_FROM,
): Promise<UnitImportReport> {
  return db().$transaction(
    async (tx) => {
      const existingProvinces = await tx.province.findMany({
        where: { validTo: null, code: { in: list.provinces.map((p) => p.code) } },
      });
      const provinceId = new Map(existingProvinces.map((p) => [p.code, p.id]));
      for (const p of list.provinces) {
        const data = {
          name: p.name,
          fullName: p.fullName,
          isCity: p.isCity,
          searchKey: foldForSearch(`${p.code} ${p.fullName}`),
        };
        const current = existingProvinces.find((e) => e.code === p.code);
        if (!current) {
          const created = await tx.province.create({
            data: { code: p.code, validFrom, ...data },
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

      const existingUnits = await tx.unit.findMany({
        where: { validTo: null, code: { in: list.units.map((u) => u.code) } },
        select: { id: true, code: true, name: true, fullName: true, type: true, provinceId: true },
      });
      const byCode = new Map(existingUnits.map((u) => [u.code, u]));
      const toCreate = [];
      let updated = 0;
      for (const u of list.units) {
        const data = {
          name: u.name,
          fullName: u.fullName,
          type: u.type,
          provinceId: provinceId.get(u.provinceCode)!,
          searchKey: foldForSearch(`${u.code} ${u.fullName}`),
        };
        const current = byCode.get(u.code);
        if (!current) {
          toCreate.push({ code: u.code, validFrom, ...data });
        } else if (
          current.name !== data.name ||
          current.fullName !== data.fullName ||
          current.type !== data.type ||
          current.provinceId !== data.provinceId
        ) {
          await tx.unit.update({ where: { id: current.id }, data });
          updated += 1;
        }
      }
      if (toCreate.length > 0) await tx.unit.createMany({ data: toCreate });
      // Ward counts (and scopes) may have changed everywhere.
      await rebuildAllProgress(tx);
      return {
        provinces: list.provinces.length,
        units: list.units.length,
        createdUnits: toCreate.length,
        updatedUnits: updated,
      };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

export type LineageImportResult =
  { ok: true; created: number; unchanged: number } | { ok: false; problems: ImportProblem[] };

const DAY_MS = 86_400_000;

/**
 * Links old units to their successors. The old unit is the one with that code in force the day
 * before the effective date, the new one the unit in force on it; an old unit still open is
 * closed the day before. All rows are checked first; one unknown code and nothing is written.
 */
export async function importLineage(rows: ImportLineage[]): Promise<LineageImportResult> {
  return db().$transaction(
    async (tx) => {
      const codes = [...new Set(rows.flatMap((r) => [r.oldCode, r.newCode]))];
      const units = await tx.unit.findMany({
        where: { code: { in: codes } },
        select: { id: true, code: true, validFrom: true, validTo: true },
      });
      const inForce = (code: string, on: Date) =>
        units.find(
          (u) =>
            u.code === code &&
            (u.validFrom === null || u.validFrom <= on) &&
            (u.validTo === null || u.validTo >= on),
        );
      const problems: ImportProblem[] = [];
      const links: {
        oldUnitId: number;
        newUnitId: number;
        effectiveDate: Date;
        closeOld: boolean;
      }[] = [];
      for (const r of rows) {
        const effective = new Date(`${r.effectiveDate}T00:00:00.000Z`);
        const dayBefore = new Date(effective.getTime() - DAY_MS);
        const oldUnit = inForce(r.oldCode, dayBefore);
        const newUnit = inForce(r.newCode, effective);
        if (!oldUnit)
          problems.push({
            row: `line ${r.line}`,
            field: 'old_code',
            message: `no unit ${r.oldCode} was in force on ${dayBefore.toISOString().slice(0, 10)}`,
          });
        if (!newUnit)
          problems.push({
            row: `line ${r.line}`,
            field: 'new_code',
            message: `no unit ${r.newCode} is in force on ${r.effectiveDate}`,
          });
        if (oldUnit && newUnit)
          links.push({
            oldUnitId: oldUnit.id,
            newUnitId: newUnit.id,
            effectiveDate: effective,
            closeOld: oldUnit.validTo === null,
          });
      }
      if (problems.length > 0) return { ok: false as const, problems };

      const existing = await tx.unitLineage.findMany({
        where: { oldUnitId: { in: links.map((l) => l.oldUnitId) } },
        select: { oldUnitId: true, newUnitId: true },
      });
      const have = new Set(existing.map((e) => `${e.oldUnitId}>${e.newUnitId}`));
      const fresh = links.filter((l) => !have.has(`${l.oldUnitId}>${l.newUnitId}`));
      if (fresh.length > 0)
        await tx.unitLineage.createMany({
          data: fresh.map(({ oldUnitId, newUnitId, effectiveDate }) => ({
            oldUnitId,
            newUnitId,
            effectiveDate,
          })),
        });
      for (const l of links.filter((x) => x.closeOld))
        await tx.unit.updateMany({
          where: { id: l.oldUnitId, validTo: null },
          data: { validTo: new Date(l.effectiveDate.getTime() - DAY_MS) },
        });
      await rebuildAllProgress(tx);
      return { ok: true as const, created: fresh.length, unchanged: links.length - fresh.length };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

export interface ProvinceListItem {
  code: string;
  name: string;
  fullName: string;
  isCity: boolean;
  wards: number;
  communes: number;
  specialZones: number;
}

/** Provinces in force within the user's reach, with their units in force by type; `search` ignores diacritics. */
export async function listProvinces(scope: Scope, search?: string): Promise<ProvinceListItem[]> {
  const folded = search ? foldForSearch(search) : '';
  const provinces = await db().province.findMany({
    where: {
      validTo: null,
      ...(reachOf(scope) === 'all' ? {} : { id: scope.provinceId ?? -1 }),
      ...(folded ? { searchKey: { contains: folded } } : {}),
    },
    orderBy: { code: 'asc' },
    select: { id: true, code: true, name: true, fullName: true, isCity: true },
  });
  const counts = await db().unit.groupBy({
    by: ['provinceId', 'type'],
    where: { validTo: null, provinceId: { in: provinces.map((p) => p.id) } },
    _count: { _all: true },
  });
  const count = (provinceId: number, type: 'PHUONG' | 'XA' | 'DAC_KHU') =>
    counts.find((c) => c.provinceId === provinceId && c.type === type)?._count._all ?? 0;
  return provinces.map(({ id, ...p }) => ({
    ...p,
    wards: count(id, 'PHUONG'),
    communes: count(id, 'XA'),
    specialZones: count(id, 'DAC_KHU'),
  }));
}
