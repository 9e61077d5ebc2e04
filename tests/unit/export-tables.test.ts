import { describe, expect, it } from 'vitest';
import {
  criteriaTable,
  nearMissTable,
  seriesTable,
  statusText,
  toCsv,
  wardsTable,
  type ExportTable,
} from '@/lib/domain/export-tables';
import type { DashboardModel } from '@/lib/domain/dashboard';

const ward = {
  code: '14635',
  fullName: 'Phường Hạc Thành',
  status: 'RETURNED',
  met: 20,
  total: 22,
  notDue: 1,
  notMet: 1,
  validTo: null,
  assessmentId: 1,
  dossierUnit: null,
  fromUnits: [],
  recognisedSince: null,
  recognisedVia: null,
};

const tables = (locale: 'vi' | 'en'): ExportTable[] => [
  seriesTable({ series: [] } as unknown as DashboardModel),
  criteriaTable([]),
  nearMissTable([], locale),
  wardsTable([ward], locale),
];

describe('export tables', () => {
  it('take every title and header from the catalogues, in both languages', () => {
    for (const table of tables('vi')) {
      for (const text of [table.title, ...table.columns.map((c) => c.header)]) {
        // A missing catalogue entry comes back as its own key path.
        expect(text.vi).not.toMatch(/^exportTables\./);
        expect(text.en).not.toMatch(/^exportTables\./);
        expect(text.vi.length).toBeGreaterThan(0);
      }
    }
    expect(wardsTable([], 'vi').columns.map((c) => c.header.en)).toContain('Not yet due');
    expect(nearMissTable([], 'vi').title.vi).toBe('Phường còn thiếu 1–2 tiêu chí');
  });

  it('name a ward’s dossier status in the reader’s language', () => {
    expect(wardsTable([ward], 'vi').rows[0]).toContain('Bị trả lại');
    expect(wardsTable([ward], 'en').rows[0]).toContain('Returned');
    expect(statusText('on_track', 'en')).toBe('On track');
    expect(statusText('on_track', 'vi')).toBe('Đúng tiến độ');
  });

  it('leave the counts of a ward without a dossier empty, not zero', () => {
    const row = wardsTable([{ ...ward, status: null }], 'en').rows[0]!;
    // …and says the ward is not registered rather than leaving its status blank.
    expect(row.slice(2, 7)).toEqual([null, null, null, null, 'Not registered']);
    expect(toCsv(wardsTable([{ ...ward, status: null }], 'en'), 'en')).toContain(
      '14635,Phường Hạc Thành,,,,,Not registered,',
    );
  });
});
