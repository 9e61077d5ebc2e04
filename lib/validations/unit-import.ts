import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { bareUnitName, unitFullName, type UnitType } from '@/lib/domain/units';
import { PROVINCE_CODE, UNIT_CODE } from './units';

/**
 * Reads the national list of administrative units in either shape of ../shared/DOMAIN.md and
 * checks every row before anything is written. Problems name the row and the field.
 */

export type ImportUnitType = UnitType;

export interface ImportProvince {
  code: string;
  name: string;
  fullName: string;
  isCity: boolean;
}

export interface ImportUnit {
  code: string;
  name: string;
  fullName: string;
  type: ImportUnitType;
  provinceCode: string;
  /** Former units: their district. */
  districtName?: string;
}

export interface ImportProblem {
  /** "line 12" for CSV, "provinces[3].Wards[12]" for JSON; "file" for the file as a whole. */
  row: string;
  field?: string;
  message: string;
}

export type UnitListParse =
  | { ok: true; provinces: ImportProvince[]; units: ImportUnit[] }
  | { ok: false; problems: ImportProblem[] };

export interface ImportLineage {
  /** 'unit': 5-digit commune-level codes; 'province': 2-digit province codes. */
  level: 'unit' | 'province';
  oldCode: string;
  newCode: string;
  effectiveDate: string;
  /** The file names this successor as the one the former unit counts under (lib/domain/lineage). */
  designated: boolean;
  line: number;
}

export interface ImportTypeChange {
  unitCode: string;
  effectiveDate: string;
  fromType: ImportUnitType;
  toType: ImportUnitType;
  basis: string;
  line: number;
}

export type TypeChangeParse =
  { ok: true; rows: ImportTypeChange[] } | { ok: false; problems: ImportProblem[] };

export type LineageParse =
  { ok: true; rows: ImportLineage[] } | { ok: false; problems: ImportProblem[] };

/** More problems than this are summarised: nobody reads ten thousand lines. */
const MAX_PROBLEMS = 200;

const provinceCode = z.string().regex(PROVINCE_CODE, 'must be 2 digits');
export const unitCode = z.string().regex(UNIT_CODE, 'must be 5 digits');
const name = z.string().trim().min(1, 'is empty').max(200, 'is longer than 200 characters');

const unitTypeById: Record<number, ImportUnitType> = { 3: 'PHUONG', 4: 'XA', 5: 'DAC_KHU' };
export const unitTypeByCsv: Record<string, ImportUnitType> = {
  phuong: 'PHUONG',
  xa: 'XA',
  dac_khu: 'DAC_KHU',
  thi_tran: 'THI_TRAN',
};
export const csvUnitType = z.enum(
  ['phuong', 'xa', 'dac_khu', 'thi_tran'],
  'must be one of phuong, xa, dac_khu, thi_tran',
);

/** Decodes UTF-8 strictly (a BOM is allowed); null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function fileProblem(message: string): { ok: false; problems: ImportProblem[] } {
  return { ok: false, problems: [{ row: 'file', message }] };
}

export function readText(bytes: Uint8Array): string | { ok: false; problems: ImportProblem[] } {
  if (bytes.length === 0) return fileProblem('The file is empty.');
  const text = decodeUtf8(bytes);
  if (text === null)
    return fileProblem(
      'The file is not UTF-8 text. Save it as UTF-8 (in Excel: "CSV UTF-8") and try again.',
    );
  if (text.trim() === '') return fileProblem('The file is empty.');
  return text;
}

export function parseUnitList(bytes: Uint8Array, fileName: string): UnitListParse {
  const text = readText(bytes);
  if (typeof text !== 'string') return text;
  const trimmed = text.trimStart();
  const looksJson =
    fileName.toLowerCase().endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{');
  return looksJson ? parseJsonList(text) : parseCsvList(text);
}

const jsonWardSchema = z.object({
  Code: unitCode,
  Name: name,
  FullName: name,
  ProvinceCode: provinceCode,
  AdministrativeUnitId: z.number().int(),
});

const jsonProvinceSchema = z.object({
  Code: provinceCode,
  Name: name,
  FullName: name,
  Wards: z.array(z.unknown()),
});

export function zodProblems(row: string, error: z.ZodError): ImportProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return { row, field, message: missing ? `${field} is missing` : `${field} ${issue.message}` };
  });
}

function parseJsonList(text: string): UnitListParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fileProblem(`The file is not valid JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(data))
    return fileProblem(
      'Expected a JSON array of provinces: [{ "Code", "Name", "FullName", "Wards": [...] }].',
    );
  const problems: ImportProblem[] = [];
  const provinces: ImportProvince[] = [];
  const units: ImportUnit[] = [];
  data.forEach((raw, p) => {
    const row = `provinces[${p}]`;
    const parsed = jsonProvinceSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(row, parsed.error));
      return;
    }
    const province = parsed.data;
    provinces.push({
      code: province.Code,
      name: province.Name,
      fullName: province.FullName,
      isCity: /^thành phố/i.test(province.FullName),
    });
    province.Wards.forEach((rawWard, w) => {
      const wardRow = `${row}.Wards[${w}]`;
      const ward = jsonWardSchema.safeParse(rawWard);
      if (!ward.success) {
        problems.push(...zodProblems(wardRow, ward.error));
        return;
      }
      const type = unitTypeById[ward.data.AdministrativeUnitId];
      if (!type) {
        problems.push({
          row: wardRow,
          field: 'AdministrativeUnitId',
          message: `AdministrativeUnitId ${ward.data.AdministrativeUnitId} is not a commune-level unit (3 phường, 4 xã, 5 đặc khu)`,
        });
        return;
      }
      if (ward.data.ProvinceCode !== province.Code) {
        problems.push({
          row: wardRow,
          field: 'ProvinceCode',
          message: `ProvinceCode ${ward.data.ProvinceCode} does not match its province ${province.Code}`,
        });
        return;
      }
      units.push({
        code: ward.data.Code,
        name: ward.data.Name,
        fullName: ward.data.FullName,
        type,
        provinceCode: province.Code,
      });
    });
  });
  return finish(problems, provinces, units);
}

const csvColumns = [
  'province_code',
  'province_name',
  'unit_code',
  'unit_name',
  'unit_type',
] as const;

const csvRowSchema = z.object({
  province_code: provinceCode,
  province_name: name,
  unit_code: unitCode,
  unit_name: name,
  unit_type: csvUnitType,
  district: z.string().trim().max(200, 'is longer than 200 characters').optional(),
});

export function readCsv(
  text: string,
  columns: readonly string[],
): Record<string, string>[] | ImportProblem[] {
  let records: string[][];
  try {
    records = parseCsv(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    return [{ row: 'file', message: `The file is not valid CSV (${(error as Error).message}).` }];
  }
  const header = records[0]?.map((h) => h.toLowerCase());
  if (!header) return [{ row: 'file', message: 'The file is empty.' }];
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return [
      {
        row: 'line 1',
        field: missing.join(', '),
        message: `The header lacks ${missing.join(', ')}. Expected: ${columns.join(',')}`,
      },
    ];
  return records
    .slice(1)
    .map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

function parseCsvList(text: string): UnitListParse {
  const rows = readCsv(text, csvColumns);
  if (rows.length > 0 && 'message' in rows[0]!)
    return { ok: false, problems: rows as ImportProblem[] };
  const problems: ImportProblem[] = [];
  const provinceByCode = new Map<string, ImportProvince>();
  const rawProvinceName = new Map<string, string>();
  const units: ImportUnit[] = [];
  (rows as Record<string, string>[]).forEach((record, i) => {
    const row = `line ${i + 2}`;
    const parsed = csvRowSchema.safeParse(record);
    if (!parsed.success) {
      problems.push(...zodProblems(row, parsed.error));
      return;
    }
    const r = parsed.data;
    const knownName = rawProvinceName.get(r.province_code);
    if (knownName !== undefined && knownName !== r.province_name) {
      problems.push({
        row,
        field: 'province_name',
        message: `province ${r.province_code} is named "${knownName}" above and "${r.province_name}" here`,
      });
      return;
    }
    if (knownName === undefined) {
      rawProvinceName.set(r.province_code, r.province_name);
      const isCity = /^(thành phố|tp\.?)\s/i.test(r.province_name);
      const bare = r.province_name.replace(/^(thành phố|tp\.?|tỉnh)\s+/i, '');
      provinceByCode.set(r.province_code, {
        code: r.province_code,
        name: bare,
        fullName: r.province_name === bare ? `Tỉnh ${bare}` : r.province_name,
        isCity,
      });
    }
    const type = unitTypeByCsv[r.unit_type]!;
    units.push({
      code: r.unit_code,
      name: bareUnitName(r.unit_name),
      fullName: unitFullName(type, r.unit_name),
      type,
      provinceCode: r.province_code,
      ...(r.district ? { districtName: r.district } : {}),
    });
  });
  return finish(problems, [...provinceByCode.values()], units);
}

function finish(
  problems: ImportProblem[],
  provinces: ImportProvince[],
  units: ImportUnit[],
): UnitListParse {
  const seenProvince = new Set<string>();
  for (const p of provinces) {
    if (seenProvince.has(p.code))
      problems.push({
        row: `province ${p.code}`,
        field: 'Code',
        message: `province code ${p.code} appears twice`,
      });
    seenProvince.add(p.code);
  }
  const seenUnit = new Map<string, number>();
  units.forEach((u, i) => {
    if (seenUnit.has(u.code))
      problems.push({
        row: `unit ${u.code}`,
        field: 'code',
        message: `unit code ${u.code} appears twice (entries ${seenUnit.get(u.code)! + 1} and ${i + 1})`,
      });
    else seenUnit.set(u.code, i);
  });
  if (problems.length === 0 && units.length === 0)
    problems.push({ row: 'file', message: 'The file lists no units.' });
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  return { ok: true, provinces, units };
}

export function capProblems(problems: ImportProblem[]): ImportProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { row: 'file', message: `…and ${problems.length - MAX_PROBLEMS} more problems.` },
  ];
}
