import { z } from 'zod';
import {
  capProblems,
  csvUnitType,
  readCsv,
  readText,
  unitCode,
  unitTypeByCsv,
  zodProblems,
  type ImportLineage,
  type ImportProblem,
  type ImportTypeChange,
  type LineageParse,
  type TypeChangeParse,
} from './unit-import';

/**
 * The files of changes to units: the lineage between former units and today's
 * (`npm run import:lineage`) and type changes that take effect on a date
 * (`npm run import:unit-changes`). Same rules as the unit list: every row checked, problems by
 * row and field, nothing half-read.
 */

const code = z
  .string()
  .regex(/^(\d{2}|\d{5})$/, 'must be 2 digits (a province) or 5 (a commune-level unit)');
const yes = /^(1|true|yes|x|có|co)$/i;
const no = /^(|0|false|no|không|khong)$/i;

const lineageRowSchema = z.object({
  old_code: code,
  new_code: code,
  effective_date: z.iso.date('must be a date written YYYY-MM-DD'),
  designated: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || yes.test(v) || no.test(v), 'must be empty, 0 or 1'),
});

/**
 * Reads `old_code,new_code,effective_date[,designated]`: 2-digit rows link provinces, 5-digit rows
 * commune-level units. A code may be the same on both sides (a new unit that kept an old code is
 * still a different unit). `designated` marks the successor a split unit counts under.
 */
export function parseLineage(bytes: Uint8Array): LineageParse {
  const text = readText(bytes);
  if (typeof text !== 'string') return text;
  const rows = readCsv(text, ['old_code', 'new_code', 'effective_date']);
  if (rows.length > 0 && 'message' in rows[0]!)
    return { ok: false, problems: rows as ImportProblem[] };
  const problems: ImportProblem[] = [];
  const result: ImportLineage[] = [];
  const seen = new Set<string>();
  const designatedFor = new Map<string, number>();
  (rows as Record<string, string>[]).forEach((record, i) => {
    const line = i + 2;
    const parsed = lineageRowSchema.safeParse(record);
    if (!parsed.success) {
      problems.push(...zodProblems(`line ${line}`, parsed.error));
      return;
    }
    const r = parsed.data;
    if (r.old_code.length !== r.new_code.length) {
      problems.push({
        row: `line ${line}`,
        field: 'new_code',
        message: 'old_code and new_code must both be provinces (2 digits) or both units (5 digits)',
      });
      return;
    }
    const key = `${r.old_code}>${r.new_code}>${r.effective_date}`;
    if (seen.has(key)) {
      problems.push({
        row: `line ${line}`,
        field: 'old_code',
        message: `${r.old_code} → ${r.new_code} appears twice`,
      });
      return;
    }
    seen.add(key);
    const designated = r.designated !== undefined && yes.test(r.designated);
    const level = r.old_code.length === 2 ? 'province' : 'unit';
    if (designated) {
      const formerKey = `${r.old_code}>${r.effective_date}`;
      const first = designatedFor.get(formerKey);
      if (first !== undefined) {
        problems.push({
          row: `line ${line}`,
          field: 'designated',
          message: `${r.old_code} already has its designated successor on line ${first}`,
        });
        return;
      }
      designatedFor.set(formerKey, line);
    }
    result.push({
      level,
      oldCode: r.old_code,
      newCode: r.new_code,
      effectiveDate: r.effective_date,
      designated,
      line,
    });
  });
  if (problems.length === 0 && result.length === 0)
    problems.push({ row: 'file', message: 'The file lists no lineage.' });
  return problems.length > 0
    ? { ok: false, problems: capProblems(problems) }
    : { ok: true, rows: result };
}

const typeChangeRowSchema = z.object({
  unit_code: unitCode,
  effective_date: z.iso.date('must be a date written YYYY-MM-DD'),
  from_type: csvUnitType,
  to_type: csvUnitType,
  basis: z.string().trim().max(500, 'is longer than 500 characters').optional(),
});

/** Reads `unit_code,effective_date,from_type,to_type[,basis]`: type changes that take effect on a date. */
export function parseTypeChanges(bytes: Uint8Array): TypeChangeParse {
  const text = readText(bytes);
  if (typeof text !== 'string') return text;
  const rows = readCsv(text, ['unit_code', 'effective_date', 'from_type', 'to_type']);
  if (rows.length > 0 && 'message' in rows[0]!)
    return { ok: false, problems: rows as ImportProblem[] };
  const problems: ImportProblem[] = [];
  const result: ImportTypeChange[] = [];
  (rows as Record<string, string>[]).forEach((record, i) => {
    const line = i + 2;
    const parsed = typeChangeRowSchema.safeParse(record);
    if (!parsed.success) {
      problems.push(...zodProblems(`line ${line}`, parsed.error));
      return;
    }
    const r = parsed.data;
    if (r.from_type === r.to_type) {
      problems.push({
        row: `line ${line}`,
        field: 'to_type',
        message: 'to_type is the same as from_type',
      });
      return;
    }
    result.push({
      unitCode: r.unit_code,
      effectiveDate: r.effective_date,
      fromType: unitTypeByCsv[r.from_type]!,
      toType: unitTypeByCsv[r.to_type]!,
      basis: r.basis ?? '',
      line,
    });
  });
  return problems.length > 0
    ? { ok: false, problems: capProblems(problems) }
    : { ok: true, rows: result };
}
