import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROVINCE_SORT,
  parseProvinceSort,
  provinceSortParams,
  sortProvinceRows,
  type ProvinceTableRow,
} from '@/lib/domain/province-order';
import { parseDashboardQuery } from '@/lib/validations/dashboard';

const row = (name: string, over: Partial<ProvinceTableRow> = {}): ProvinceTableRow => ({
  code: name,
  name,
  isCurrent: true,
  wards: 10,
  registered: 5,
  counted: 2,
  share: 0.2,
  targetShare: 0.4,
  targetYear: 2026,
  targetOrigin: 'national',
  status: 'on_track',
  projectedFullYear: 2029,
  verdict: null,
  nearMisses: 0,
  ...over,
});

const names = (rows: ProvinceTableRow[]) => rows.map((r) => r.name);

describe('the province table order', () => {
  const rows = [
    row('Điện Biên', { share: 0.5, status: 'off_track' }),
    row('An Giang', { share: null, status: 'no_target' }),
    row('Đà Nẵng', { share: 0.5, status: 'deteriorating' }),
    row('Hà Nội', { share: 0.9, status: 'achieved' }),
  ];

  it('puts names in Vietnamese order, Đ after D', () => {
    expect(names(sortProvinceRows(rows, { column: 'name', dir: 'asc' }))).toEqual([
      'An Giang',
      'Đà Nẵng',
      'Điện Biên',
      'Hà Nội',
    ]);
  });

  it('sorts figures with ties in name order and no figure last', () => {
    expect(names(sortProvinceRows(rows, DEFAULT_PROVINCE_SORT))).toEqual([
      'Hà Nội',
      'Đà Nẵng',
      'Điện Biên',
      'An Giang',
    ]);
  });

  it('puts the worst pace first when sorted by status ascending', () => {
    expect(names(sortProvinceRows(rows, { column: 'status', dir: 'asc' }))[0]).toBe('Đà Nẵng');
  });

  it('reads the order from the address and reports what it cannot read', () => {
    expect(parseProvinceSort(undefined, undefined)).toEqual({
      sort: DEFAULT_PROVINCE_SORT,
      invalid: false,
    });
    expect(parseProvinceSort('name', undefined).sort).toEqual({ column: 'name', dir: 'asc' });
    expect(parseProvinceSort('wards', 'asc').sort).toEqual({ column: 'wards', dir: 'asc' });
    expect(parseProvinceSort('drop table', 'asc').invalid).toBe(true);
    expect(parseProvinceSort('share', 'sideways')).toEqual({
      sort: { column: 'share', dir: 'desc' },
      invalid: true,
    });
    const query = parseDashboardQuery({ year: '2026', psort: 'nearMisses', pdir: 'asc' }, 2026);
    expect(query.provinceSort).toEqual({ column: 'nearMisses', dir: 'asc' });
    expect(query.hadInvalid).toBe(false);
    expect(parseDashboardQuery({ psort: 'x' }, 2026).hadInvalid).toBe(true);
  });
});

describe('the order kept when the view changes', () => {
  it('is nothing for the default order and the column and direction otherwise', () => {
    expect(provinceSortParams(DEFAULT_PROVINCE_SORT)).toEqual({});
    expect(provinceSortParams({ column: 'name', dir: 'asc' })).toEqual({
      psort: 'name',
      pdir: 'asc',
    });
  });
});
