import { describe, expect, it } from 'vitest';
import { wardCategory } from '@/lib/domain/maps';
import { filterWards, pageOf, sortWards, type WardListRow } from '@/lib/domain/ward-list';
import { readWardListQuery } from '@/lib/validations/ward-list';

/**
 * The ward list a drill-through lands on: a map category keeps exactly the wards the legend
 * counts, a criterion keeps the dossiers that do not meet it, the order is by a column in either
 * direction (names in Vietnamese order), and pages never run past the end.
 */

let id = 0;
const ward = (name: string, over: Partial<WardListRow> = {}): WardListRow => ({
  name,
  status: 'DRAFT',
  met: 20,
  total: 22,
  recognisedSince: null,
  assessmentId: ++id,
  statusChangedAt: null,
  ...over,
});

const rows = [
  ward('Phường 10', { met: 22 }),
  ward('Đông Sơn', { met: 21, statusChangedAt: new Date('2026-03-01') }),
  ward('Ba Đình', { status: null, met: 0, total: 0, assessmentId: null }),
  ward('Hạc Thành', { recognisedSince: 2025, met: 22 }),
  ward('Phường 2', { met: 12, statusChangedAt: new Date('2026-05-01') }),
  ward('Đa Kao', { status: 'CANCELLED', met: 3 }),
];

describe('filtering', () => {
  it('a map category keeps the wards the legend counts under it, and only them', () => {
    for (const category of [
      'recognised',
      'attained',
      'short',
      'registered',
      'notRegistered',
    ] as const) {
      const kept = filterWards(rows, { category });
      expect(kept).toEqual(rows.filter((r) => wardCategory(r) === category));
    }
    expect(filterWards(rows, { category: 'short' }).map((r) => r.name)).toEqual(['Đông Sơn']);
    expect(filterWards(rows, { category: 'notRegistered' }).map((r) => r.name)).toEqual([
      'Ba Đình',
      'Đa Kao',
    ]);
  });

  it('a criterion keeps the rows whose dossier does not meet it; a ward with none is not among them', () => {
    const failing = new Set([rows[1]!.assessmentId!, rows[4]!.assessmentId!, 999]);
    expect(filterWards(rows, { failing }).map((r) => r.name)).toEqual(['Đông Sơn', 'Phường 2']);
    expect(filterWards(rows, { failing, category: 'short' }).map((r) => r.name)).toEqual([
      'Đông Sơn',
    ]);
    expect(filterWards(rows, { failing: new Set() })).toEqual([]);
  });

  it('no filter keeps every row', () => {
    expect(filterWards(rows, {})).toEqual(rows);
  });
});

describe('order', () => {
  it('by name in Vietnamese order (Đ after D, numbers by value), both ways', () => {
    const asc = sortWards(rows, 'ward', 'asc').map((r) => r.name);
    expect(asc).toEqual(['Ba Đình', 'Đa Kao', 'Đông Sơn', 'Hạc Thành', 'Phường 2', 'Phường 10']);
    expect(sortWards(rows, 'ward', 'desc').map((r) => r.name)).toEqual([...asc].reverse());
  });

  it('by criteria met, ties by name', () => {
    expect(sortWards(rows, 'met', 'desc').map((r) => r.name)).toEqual([
      'Hạc Thành',
      'Phường 10',
      'Đông Sơn',
      'Phường 2',
      'Đa Kao',
      'Ba Đình',
    ]);
  });

  it('by last change, latest first; rows never changed last either way', () => {
    expect(
      sortWards(rows, 'lastChange', 'desc')
        .map((r) => r.name)
        .slice(0, 2),
    ).toEqual(['Phường 2', 'Đông Sơn']);
    expect(
      sortWards(rows, 'lastChange', 'asc')
        .map((r) => r.name)
        .slice(0, 2),
    ).toEqual(['Đông Sơn', 'Phường 2']);
    expect(sortWards(rows, 'lastChange', 'asc').at(-1)!.statusChangedAt).toBeNull();
  });
});

describe('pages', () => {
  const many = Array.from({ length: 120 }, (_, i) => i);
  it('cuts 50 a page and clamps a page past the end to the last', () => {
    expect(pageOf(many, 1)).toMatchObject({ page: 1, pages: 3 });
    expect(pageOf(many, 3).rows).toEqual(many.slice(100));
    expect(pageOf(many, 9)).toMatchObject({ page: 3, pages: 3 });
    expect(pageOf([], 2)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});

describe('the address', () => {
  it('reads each filter and drops what it cannot use, naming it', () => {
    const { query, invalid } = readWardListQuery({
      category: 'short',
      criterion: '7',
      province: '38',
      sort: 'met',
      dir: 'desc',
      page: '2',
    });
    expect(query).toEqual({
      category: 'short',
      criterion: 7,
      province: '38',
      sort: 'met',
      dir: 'desc',
      page: 2,
    });
    expect(invalid).toEqual([]);
    const bad = readWardListQuery({ category: 'best', criterion: '7a', province: '3', sort: 'x' });
    expect(bad.query).toEqual({});
    expect(bad.invalid).toEqual(['category', 'criterion', 'province', 'sort']);
  });
});
