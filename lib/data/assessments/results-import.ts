import 'server-only';
import type { NumberLocale } from '@/lib/domain/figures';
import ExcelJS from 'exceljs';
import { checkXlsx } from '@/lib/validations/xlsx-guard';
import {
  cellFigure,
  isFigure,
  type FigureRefusal,
  cellText,
  col,
  columns,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  stateOfLabel,
  TEMPLATE_KIND,
} from '@/lib/exports/results-sheet';
import { db } from '@/lib/server/db';
import { resultStates, type ResultState } from '@/lib/domain/attainment';
import { resolveState } from '@/lib/domain/measures';
import { isResultEditable } from '@/lib/domain/workflow';
import type { Scope } from '@/lib/domain/permissions';
import { recordAudit, type AuditActor } from '../audit';
import { writeResult } from './results';
import { trackProgress } from '../progress/summary';
import { provinceInScope, registeredResults } from './results-template';
import { measureFields, resultFields } from './summary';

/**
 * Provinces still collect results in Excel. They download a template of their registered wards ×
 * criteria with the current values, fill it offline and upload it: every row is checked, a preview
 * lists each row's problems and what would change, and applying writes all or nothing, each row
 * only over the version the template was made from.
 */

export interface ImportProblemRow {
  row: number | null;
  code: string;
  values?: Record<string, string | number>;
}

export interface ImportChange {
  row: number;
  unitCode: string;
  unitName: string;
  criterion: number;
  before: { state: ResultState; value: number | null; baseline: number | null; note: string };
  after: { state: ResultState; value: number | null; baseline: number | null; note: string };
  resultId: number;
  version: number;
}

export interface ImportAnalysis {
  province: string | null;
  year: number | null;
  rows: number;
  problems: ImportProblemRow[];
  conflicts: ImportProblemRow[];
  changes: ImportChange[];
}

/** Checks the file as a whole: a real XLSX, no macros, not too big, inflated or not. */
async function openWorkbook(
  bytes: Uint8Array,
): Promise<{ book: ExcelJS.Workbook } | { problem: string; rows?: number }> {
  if (bytes.length === 0) return { problem: 'empty' };
  if (bytes.length > MAX_IMPORT_BYTES) return { problem: 'too_large' };
  // Inflated size, parts and rows are capped while inflating, before ExcelJS parses anything.
  const problem = await checkXlsx(bytes, MAX_IMPORT_ROWS);
  if (problem) return problem;
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { problem: 'not_xlsx' };
  }
  return { book };
}

/** `locale`: the uploader's language, which reads figures typed as text ("1.000"). */
export async function analyseResultsImport(
  scope: Scope,
  bytes: Uint8Array,
  locale: NumberLocale = 'vi',
): Promise<ImportAnalysis> {
  const empty = (code: string, values?: Record<string, string | number>): ImportAnalysis => ({
    province: null,
    year: null,
    rows: 0,
    problems: [{ row: null, code, values }],
    conflicts: [],
    changes: [],
  });
  const opened = await openWorkbook(bytes);
  if ('problem' in opened)
    return empty(
      opened.problem,
      opened.problem === 'too_many_rows'
        ? { rows: opened.rows ?? 0, max: MAX_IMPORT_ROWS }
        : undefined,
    );
  const { book } = opened;
  const meta = book.getWorksheet('_meta');
  const sheet = book.getWorksheet('Kết quả');
  const metaValue = (key: string) => {
    let found: ExcelJS.CellValue = null;
    meta?.eachRow((row) => {
      if (cellText(row.getCell(1).value) === key) found = row.getCell(2).value;
    });
    return found as ExcelJS.CellValue;
  };
  if (!meta || !sheet || cellText(metaValue('kind')) !== TEMPLATE_KIND)
    return empty('wrong_template');
  const provinceCode = cellText(metaValue('province'));
  const year = Number(cellText(metaValue('year')));
  const province = await provinceInScope(scope, provinceCode);
  if (!province) return empty('other_province', { province: provinceCode });
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS)
    return {
      ...empty('too_many_rows', { max: MAX_IMPORT_ROWS, rows: sheet.rowCount - 1 }),
      province: provinceCode,
      year,
    };

  const results = await db().criterionResult.findMany({
    where: registeredResults(scope, province.id, year),
    select: {
      ...resultFields,
      assessment: { select: { status: true, unit: { select: { code: true, name: true } } } },
      criterion: { select: measureFields },
    },
  });
  const byId = new Map(results.map((r) => [r.id, r]));
  const analysis: ImportAnalysis = {
    province: provinceCode,
    year,
    rows: 0,
    problems: [],
    conflicts: [],
    changes: [],
  };
  const seen = new Set<number>();

  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = columns.map((_, i) => row.getCell(i + 1));
    if (cells.every((c) => cellText(c.value).trim() === '')) return;
    analysis.rows += 1;
    if (cells.some((c) => c.type === ExcelJS.ValueType.Formula)) {
      analysis.problems.push({ row: n, code: 'formula' });
      return;
    }
    const resultId = Number(cellText(row.getCell(col('resultId')).value));
    const version = Number(cellText(row.getCell(col('version')).value));
    const current = byId.get(resultId);
    const unitCode = cellText(row.getCell(col('unitCode')).value).trim();
    const number = Number(cellText(row.getCell(col('number')).value));
    if (
      !current ||
      !Number.isInteger(version) ||
      current.assessment.unit.code !== unitCode ||
      current.criterion.number !== number
    ) {
      analysis.problems.push({
        row: n,
        code: 'unknown_row',
        values: { ward: unitCode, criterion: String(number) },
      });
      return;
    }
    if (seen.has(resultId)) {
      analysis.problems.push({ row: n, code: 'duplicate_row' });
      return;
    }
    seen.add(resultId);
    const stateText = cellText(row.getCell(col('state')).value)
      .trim()
      .toLowerCase();
    const state =
      stateOfLabel(stateText) ?? resultStates.find((s) => s.toLowerCase() === stateText);
    const value = cellFigure(row.getCell(col('value')).value, locale);
    const baseline = cellFigure(row.getCell(col('baseline')).value, locale);
    const note = cellText(row.getCell(col('note')).value).trim();
    if (!state) return void analysis.problems.push({ row: n, code: 'state' });
    if (!isFigure(value) || !isFigure(baseline)) {
      const refusal = isFigure(value) ? (baseline as FigureRefusal) : value;
      return void analysis.problems.push({
        row: n,
        code: `figure.${refusal.problem}`,
        values: refusal.values,
      });
    }
    if (note.length > 4000) return void analysis.problems.push({ row: n, code: 'note_too_long' });
    const after = {
      state: state,
      value,
      baseline: current.criterion.measureKind === 'CHANGE' ? baseline : null,
      note,
    };
    const before = {
      state: current.state,
      value: current.value,
      baseline: current.baseline,
      note: current.note,
    };
    if (JSON.stringify(after) === JSON.stringify(before)) return; // unchanged
    const resolved = resolveState(current.criterion, after.state, { value, baseline });
    if (!resolved.ok)
      return void analysis.problems.push({ row: n, code: `value.${resolved.problem}` });
    if (!isResultEditable(current.assessment.status, current.isReopened))
      return void analysis.problems.push({ row: n, code: 'locked' });
    if (current.version !== version)
      return void analysis.conflicts.push({
        row: n,
        code: 'conflict',
        values: { ward: unitCode, criterion: number },
      });
    analysis.changes.push({
      row: n,
      unitCode,
      unitName: current.assessment.unit.name,
      criterion: number,
      before,
      after,
      resultId,
      version,
    });
  });
  if (analysis.rows === 0) analysis.problems.push({ row: null, code: 'no_rows' });
  return analysis;
}

/** Applies an import that has no problems and no conflicts, all in one transaction; else writes nothing. */
export async function applyResultsImport(
  actor: AuditActor,
  scope: Scope,
  bytes: Uint8Array,
  locale: NumberLocale = 'vi',
): Promise<ImportAnalysis & { applied: number }> {
  const analysis = await analyseResultsImport(scope, bytes, locale);
  if (analysis.problems.length || analysis.conflicts.length || analysis.changes.length === 0)
    return { ...analysis, applied: 0 };
  try {
    await db().$transaction(
      async (tx) => {
        const unitIds = (
          await tx.unit.findMany({
            where: { code: { in: analysis.changes.map((c) => c.unitCode) }, validTo: null },
            select: { id: true },
          })
        ).map((u) => u.id);
        const progress = await trackProgress(tx, unitIds, [analysis.year!]);
        for (const change of analysis.changes) {
          const outcome = await writeResult(
            tx,
            actor,
            scope,
            { resultId: change.resultId, version: change.version, ...change.after },
            { action: 'result.import', refreshProgress: false },
          );
          // Someone saved this row since the preview: give up the whole import.
          if (!outcome.ok) throw new ImportAborted(change.row, outcome.error);
        }
        await progress();
        await recordAudit(tx, actor, {
          action: 'import.results',
          entity: 'import',
          entityId: `${analysis.province}-${analysis.year}`,
          provinceCode: analysis.province,
          after: { rows: analysis.rows, changes: analysis.changes.length },
        });
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof ImportAborted)
      return {
        ...analysis,
        conflicts: [{ row: error.row, code: error.reason === 'conflict' ? 'conflict' : 'locked' }],
        applied: 0,
      };
    throw error;
  }
  return { ...analysis, applied: analysis.changes.length };
}

class ImportAborted extends Error {
  constructor(
    readonly row: number,
    readonly reason: string,
  ) {
    super(`row ${row}: ${reason}`);
  }
}
