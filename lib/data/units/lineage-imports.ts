import 'server-only';
import { db } from '@/lib/server/db';
import { designateSuccessor, isChosenByPerson, type SuccessorBasis } from '@/lib/domain/lineage';
import { dateOf, inForce, isoDate, type UnitType } from '@/lib/domain/units';
import type { ImportLineage, ImportProblem } from '@/lib/validations/unit-import';
import { rebuildAllProgress } from '../progress/summary';
import { IMPORT_TX, type Tx } from './unit-imports';

/**
 * The lineage between former units and today's (`npm run import:lineage`, and the seed): links,
 * closing the former units, and each former unit's designated successor.
 */

const DAY_MS = 86_400_000;

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
  }, IMPORT_TX);
}
