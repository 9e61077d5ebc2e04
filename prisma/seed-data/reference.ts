import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Prisma } from '@/lib/generated/prisma/client';
import { applyLineage } from '@/lib/data/units/lineage-imports';
import { applyTypeChanges, applyUnitList, CURRENT_PERIOD } from '@/lib/data/units/unit-imports';
import { dateOf, LAST_DAY_BEFORE_MERGER } from '@/lib/domain/units';
import { parseLineage, parseTypeChanges } from '@/lib/validations/unit-changes-import';
import { parseUnitList, type ImportProblem } from '@/lib/validations/unit-import';

/**
 * The national reference shipped in prisma/reference (see its README): the units before and
 * after 1 July 2025, their lineage and later type changes. Loaded through the same parsers and
 * writes as `npm run import:*`, in the caller's transaction, and recorded with its checksum so a
 * later start skips it.
 */

const folder = new URL('../reference/', import.meta.url);
const files = ['units-former.csv', 'units-current.csv', 'unit-type-changes.csv', 'lineage.csv'];
const read = (name: string) => new Uint8Array(fs.readFileSync(new URL(name, folder)));

export const REFERENCE_NAME = 'national-units';

export function referenceChecksum(): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(read(f));
  return hash.digest('hex');
}

function fail(file: string, problems: ImportProblem[]): never {
  throw new Error(
    `prisma/reference/${file} is not valid: ${problems
      .slice(0, 5)
      .map((p) => `${p.row}${p.field ? ` [${p.field}]` : ''}: ${p.message}`)
      .join('; ')}`,
  );
}

/** Loads the reference when it is missing or changed; returns the number of units it lists, or 0 when skipped. */
export async function loadReference(tx: Prisma.TransactionClient): Promise<number> {
  const sha256 = referenceChecksum();
  const loaded = await tx.referenceData.findUnique({ where: { name: REFERENCE_NAME } });
  if (loaded?.sha256 === sha256) return 0;

  const former = parseUnitList(read('units-former.csv'), 'units-former.csv');
  if (!former.ok) fail('units-former.csv', former.problems);
  const current = parseUnitList(read('units-current.csv'), 'units-current.csv');
  if (!current.ok) fail('units-current.csv', current.problems);
  const changes = parseTypeChanges(read('unit-type-changes.csv'));
  if (!changes.ok) fail('unit-type-changes.csv', changes.problems);
  const lineage = parseLineage(read('lineage.csv'));
  if (!lineage.ok) fail('lineage.csv', lineage.problems);

  await applyUnitList(tx, former, { validFrom: null, validTo: dateOf(LAST_DAY_BEFORE_MERGER) });
  await applyUnitList(tx, current, CURRENT_PERIOD);
  const changed = await applyTypeChanges(tx, changes.rows);
  if (!changed.ok) fail('unit-type-changes.csv', changed.problems);
  const linked = await applyLineage(tx, lineage.rows);
  if (!linked.ok) fail('lineage.csv', linked.problems);

  const rows = former.units.length + current.units.length;
  await tx.referenceData.upsert({
    where: { name: REFERENCE_NAME },
    create: { name: REFERENCE_NAME, sha256, rows },
    update: { sha256, rows, appliedAt: new Date() },
  });
  return rows;
}
