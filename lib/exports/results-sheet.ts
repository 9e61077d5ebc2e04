import type ExcelJS from 'exceljs';
import { resultStates, type ResultState } from '@/lib/domain/attainment';
import { readFigure, type FigureReading, type NumberLocale } from '@/lib/domain/figures';
import en from '@/lib/i18n/messages/en.json';
import vi from '@/lib/i18n/messages/vi.json';

/**
 * The results workbook's format: its kind, limits, columns and result labels. The labels come
 * from the message catalogues (the template is written in Vietnamese, the provinces' working
 * language; a file filled with the English labels reads the same).
 */

export const TEMPLATE_KIND = 'kieu-mau-results-v1';
export const MAX_IMPORT_ROWS = 5_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const stateLabels: Record<ResultState, string> = vi.states;

const stateByLabel = new Map(
  resultStates.flatMap((s) => [
    [vi.states[s].toLowerCase(), s] as const,
    [en.states[s].toLowerCase(), s] as const,
  ]),
);

/** The result a cell names, in either language; undefined when it names none. */
export function stateOfLabel(text: string): ResultState | undefined {
  return stateByLabel.get(text.trim().toLowerCase());
}

const widths = {
  unitCode: 10,
  unitName: 22,
  number: 10,
  title: 48,
  measure: 28,
  state: 26,
  value: 12,
  baseline: 14,
  note: 40,
  resultId: 12,
  version: 12,
} as const;
type ColumnKey = keyof typeof widths;

export const columns = (Object.keys(widths) as ColumnKey[]).map((key) => ({
  key,
  header: vi.imports.columns[key],
  width: widths[key],
}));
export const col = (key: ColumnKey) => columns.findIndex((c) => c.key === key) + 1;

export const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
};

export type FigureRefusal = Extract<FigureReading, { ok: false }>;
export const isFigure = (f: number | null | FigureRefusal): f is number | null =>
  f === null || typeof f === 'number';

/**
 * A figure from a cell: a number as stored, or text read like a typed figure in the uploader's
 * language (lib/domain/figures.ts), else the reading's refusal.
 */
export function cellFigure(
  v: ExcelJS.CellValue,
  locale: NumberLocale,
): number | null | FigureRefusal {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number')
    return Number.isFinite(v)
      ? v
      : { ok: false, problem: 'notANumber', values: { text: String(v) } };
  const reading = readFigure(cellText(v), locale);
  return reading.ok ? reading.value : reading;
}
