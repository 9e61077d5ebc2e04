import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { parseLineage, parseTypeChanges } from '@/lib/validations/unit-changes-import';
import { parseUnitList } from '@/lib/validations/unit-import';
import {
  nationalUnitsCsv,
  nationalUnitsJson,
  referenceFile,
} from '@/tests/fixtures/national-units';

const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => bytes(JSON.stringify(value));
const header = 'province_code,province_name,unit_code,unit_name,unit_type';
/** A JSON list of Thanh Hóa with one ward 14800: its name, province code and unit-level id. */
const thanhHoaWith = (name: string, provinceCode: string, levelId: number) => [
  {
    Code: '38',
    Name: 'Thanh Hóa',
    FullName: 'Tỉnh Thanh Hóa',
    Wards: [
      {
        Code: '14800',
        Name: name,
        FullName: `Phường ${name}`,
        ProvinceCode: provinceCode,
        AdministrativeUnitId: levelId,
      },
    ],
  },
];

function problemsOf(
  result:
    | ReturnType<typeof parseUnitList>
    | ReturnType<typeof parseLineage>
    | ReturnType<typeof parseTypeChanges>,
) {
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseUnitList: the national list', () => {
  it('reads the JSON shape: 34 provinces, 3,321 units by type', () => {
    const result = parseUnitList(json(nationalUnitsJson()), 'units.json');
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    expect(result.provinces).toHaveLength(34);
    expect(result.units).toHaveLength(3321);
    const byType = (t: string) => result.units.filter((u) => u.type === t).length;
    expect([byType('PHUONG'), byType('XA'), byType('DAC_KHU')]).toEqual([697, 2611, 13]);
    expect(result.provinces.find((p) => p.code === '01')).toMatchObject({
      name: 'Hà Nội',
      isCity: true,
    });
  });

  it('reads the CSV shape with a BOM, and names units with their type word', () => {
    const result = parseUnitList(bytes(`\uFEFF${nationalUnitsCsv()}`), 'units.csv');
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    expect(result.units).toHaveLength(3321);
    const first = result.units[0]!;
    expect(first).toMatchObject({ code: '00004', name: 'Ba Đình', fullName: 'Phường Ba Đình' });
  });
});

describe('parseUnitList: bad input names the row and field', () => {
  it('refuses an empty file', () => {
    expect(problemsOf(parseUnitList(new Uint8Array(), 'x.csv'))[0]!.message).toMatch(/empty/);
  });

  it('refuses a file that is not UTF-8', () => {
    const latin1 = Uint8Array.from([
      ...bytes(`${header}\n38,Tỉnh Thanh H`),
      0xf3,
      0x61,
      ...bytes(',14800,An,phuong\n'),
    ]);
    expect(problemsOf(parseUnitList(latin1, 'x.csv'))[0]!.message).toMatch(/UTF-8/);
  });

  it('refuses JSON of the wrong shape', () => {
    expect(problemsOf(parseUnitList(json({ provinces: [] }), 'x.json'))[0]!.message).toMatch(
      /JSON array/,
    );
    const missingWards = problemsOf(
      parseUnitList(json([{ Code: '01', Name: 'Hà Nội', FullName: 'Thành phố Hà Nội' }]), 'x.json'),
    );
    expect(missingWards[0]).toMatchObject({ row: 'provinces[0]', field: 'Wards' });
  });

  it('refuses a CSV without the required columns', () => {
    const p = problemsOf(parseUnitList(bytes('province_code,unit_code\n01,00001\n'), 'x.csv'));
    expect(p[0]).toMatchObject({ row: 'line 1' });
    expect(p[0]!.message).toMatch(/province_name, unit_name, unit_type/);
  });

  it('reports bad fields with their line numbers', () => {
    const csv = [
      header,
      '38,Tỉnh Thanh Hóa,14800,Phường An Hưng,phuong',
      '38,Tỉnh Thanh Hóa,148,Phường X,phuong',
      '38,Tỉnh Thanh Hóa,14802,Phường Y,huyen',
    ].join('\n');
    const p = problemsOf(parseUnitList(bytes(csv), 'x.csv'));
    expect(p).toEqual([
      expect.objectContaining({ row: 'line 3', field: 'unit_code' }),
      expect.objectContaining({ row: 'line 4', field: 'unit_type' }),
    ]);
  });

  it('refuses duplicate unit codes', () => {
    const csv = [
      header,
      '38,Tỉnh Thanh Hóa,14800,Phường An Hưng,phuong',
      '38,Tỉnh Thanh Hóa,14800,Phường Đông Hương,phuong',
    ].join('\n');
    expect(problemsOf(parseUnitList(bytes(csv), 'x.csv'))[0]!.message).toMatch(
      /14800 appears twice/,
    );
  });

  it('refuses a ward filed under another province (unknown province)', () => {
    const list = thanhHoaWith('An Hưng', '99', 3);
    expect(problemsOf(parseUnitList(json(list), 'x.json'))[0]).toMatchObject({
      row: 'provinces[0].Wards[0]',
      field: 'ProvinceCode',
    });
  });

  it('refuses one province code given two names', () => {
    const csv = [
      header,
      '38,Tỉnh Thanh Hóa,14800,Phường A,phuong',
      '38,Tỉnh Nghệ An,14801,Phường B,phuong',
    ].join('\n');
    expect(problemsOf(parseUnitList(bytes(csv), 'x.csv'))[0]).toMatchObject({
      row: 'line 3',
      field: 'province_name',
    });
  });

  it('refuses a province-level AdministrativeUnitId on a ward', () => {
    const list = thanhHoaWith('A', '38', 2);
    expect(problemsOf(parseUnitList(json(list), 'x.json'))[0]).toMatchObject({
      field: 'AdministrativeUnitId',
    });
  });
});

describe('parseLineage', () => {
  it('reads old_code,new_code,effective_date with an optional designated column', () => {
    const result = parseLineage(
      bytes(
        'old_code,new_code,effective_date,designated\n14800,14797,2025-07-01,1\n06,19,2025-07-01,\n',
      ),
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          level: 'unit',
          oldCode: '14800',
          newCode: '14797',
          effectiveDate: '2025-07-01',
          designated: true,
          line: 2,
        },
        {
          level: 'province',
          oldCode: '06',
          newCode: '19',
          effectiveDate: '2025-07-01',
          designated: false,
          line: 3,
        },
      ],
    });
  });

  it('accepts a successor that kept the old code: it is another unit', () => {
    const result = parseLineage(
      bytes('old_code,new_code,effective_date\n00004,00004,2025-07-01\n'),
    );
    expect(result.ok).toBe(true);
  });

  it('reads the whole national lineage: 63 province and 10,566 commune rows', () => {
    const result = parseLineage(new Uint8Array(fs.readFileSync(referenceFile('lineage.csv'))));
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    expect(result.rows.filter((r) => r.level === 'province')).toHaveLength(63);
    expect(result.rows.filter((r) => r.level === 'unit')).toHaveLength(10_566);
  });

  it('refuses bad dates, mixed levels, duplicates and two designated successors, with line numbers', () => {
    const p = problemsOf(
      parseLineage(
        bytes(
          [
            'old_code,new_code,effective_date,designated',
            '14800,90001,1/7/2025,',
            '14800,38,2025-07-01,',
            '14801,90001,2025-07-01,',
            '14801,90001,2025-07-01,',
            '14802,14797,2025-07-01,1',
            '14802,16417,2025-07-01,yes',
            '14803,16417,2025-07-01,maybe',
          ].join('\n'),
        ),
      ),
    );
    expect(p.map((x) => [x.row, x.field])).toEqual([
      ['line 2', 'effective_date'],
      ['line 3', 'new_code'],
      ['line 5', 'old_code'],
      ['line 7', 'designated'],
      ['line 8', 'designated'],
    ]);
  });
});

describe('parseTypeChanges', () => {
  it('reads the shipped changes: 10 xã of Đồng Nai became phường on 30/4/2026', () => {
    const result = parseTypeChanges(
      new Uint8Array(fs.readFileSync(referenceFile('unit-type-changes.csv'))),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.rows).toHaveLength(10);
    expect(
      result.rows.every(
        (r) => r.fromType === 'XA' && r.toType === 'PHUONG' && r.effectiveDate === '2026-04-30',
      ),
    ).toBe(true);
  });

  it('refuses unknown types and a change to the same type', () => {
    const p = problemsOf(
      parseTypeChanges(
        bytes(
          'unit_code,effective_date,from_type,to_type\n25270,2026-04-30,xa,town\n25271,2026-04-30,xa,xa\n',
        ),
      ),
    );
    expect(p.map((x) => [x.row, x.field])).toEqual([
      ['line 2', 'to_type'],
      ['line 3', 'to_type'],
    ]);
  });
});
