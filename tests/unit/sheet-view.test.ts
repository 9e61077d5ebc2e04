import { describe, expect, it } from 'vitest';
import { sheetView, type SheetSource } from '@/lib/domain/sheet-view';
import type { Locale } from '@/lib/i18n/config';
import type { ResultTexts } from '@/lib/i18n/result-text';
import { translatorFor } from '@/lib/i18n/translator';

/**
 * The ward sheet's view model: a dossier returned by the Ministry on one criterion, whose value
 * the ward has since changed. The summary at the top and the criterion's own thread say the same
 * change; the reviewer returns what they see; last year's result stands beside this year's.
 */

const day = (iso: string) => new Date(`${iso}T03:00:00.000Z`);

const criterion = (
  number: number,
  measure: Partial<SheetSource['results'][number]['criterion']>,
) => ({
  number,
  pillarId: number <= 1 ? 1 : 2,
  title: `Tiêu chí ${number}`,
  titleEn: `Criterion ${number}`,
  description: 'Mô tả',
  descriptionEn: 'Description',
  evidenceGuidance: 'Biên bản',
  evidenceGuidanceEn: '',
  evidenceRequired: number === 2,
  measureKind: 'BOOLEAN' as const,
  comparator: null,
  threshold: null,
  ratingScale: [],
  ratingScaleEn: [],
  ...measure,
});

const result = (
  id: number,
  c: ReturnType<typeof criterion>,
  rest: Partial<SheetSource['results'][number]> = {},
) => ({
  id,
  state: 'MET' as const,
  value: 1,
  baseline: null,
  note: '',
  version: 3,
  editable: true,
  isReopened: false,
  savedAt: day('2026-03-02'),
  updatedBy: { name: 'Cán bộ tỉnh' },
  criterion: c,
  evidence: [],
  comments: [],
  ...rest,
});

const sheet: SheetSource = {
  status: 'RETURNED',
  fixBy: day('2026-04-10'),
  returnedBy: 'MINISTRY',
  record: { provinceId: 38, unitId: 7 },
  criteriaSet: {
    pillars: [
      { id: 1, position: 1, name: 'An ninh', nameEn: 'Security' },
      { id: 2, position: 2, name: 'Trật tự', nameEn: 'Order' },
    ],
  },
  lastYear: { year: 2025, byNumber: new Map([[1, { state: 'NOT_MET', value: 0, evidence: 2 }]]) },
  results: [
    result(11, criterion(1, {})),
    result(12, criterion(2, { measureKind: 'PERCENT', comparator: 'GTE', threshold: 90 }), {
      value: 97.5,
      evidence: [
        {
          id: 5,
          kind: 'FILE',
          title: 'Báo cáo',
          periodFrom: null,
          periodTo: null,
          url: null,
          note: '',
          fileName: 'bao-cao.pdf',
          mimeType: 'application/pdf',
          size: 1000,
          periodReason: null,
          createdAt: day('2026-03-20'),
          createdBy: { name: 'Cán bộ tỉnh' },
        },
      ],
      comments: [
        {
          id: 40,
          stage: 'MINISTRY',
          isReturn: true,
          body: 'Số liệu chưa khớp',
          createdAt: day('2026-03-15'),
          resolvedAt: null,
          answeredAt: null,
          returnedAs: { state: 'MET', value: 91, baseline: null, note: '' },
          response: '',
          author: { name: 'Thanh tra Bộ', role: 'MINISTRY' },
        },
      ],
    }),
    result(13, criterion(3, {}), { state: 'NOT_ASSESSED', value: null }),
  ],
};

function texts(locale: Locale): ResultTexts {
  return {
    sheet: translatorFor(locale, 'sheet') as unknown as ResultTexts['sheet'],
    states: translatorFor(locale, 'states') as unknown as ResultTexts['states'],
    measures: translatorFor(locale, 'measures') as unknown as ResultTexts['measures'],
  };
}

const view = (locale: Locale) =>
  sheetView(sheet, {
    user: { id: 9, role: 'PROVINCE', provinceId: 38, unitId: null },
    calendar: { dates: { SUBMISSION: '2026-03-31' }, closed: [] },
    today: '2026-04-02',
    locale,
    texts: texts(locale),
    formatDate: (iso) => `<${iso}>`,
  });

describe('the ward sheet view model', () => {
  it('says the same change in the returns summary and in the criterion’s thread', () => {
    const v = view('vi');
    expect(v.summaryMode).toBe('open');
    expect(v.returnsSummary).toHaveLength(1);
    const [item] = v.returnsSummary;
    expect(item).toMatchObject({ number: 2, author: 'Thanh tra Bộ', evidenceAdded: 1 });
    expect(item!.changes).toEqual(['Số liệu: 91% → 97,5%']);
    const thread = v.pillars[1]!.rows[0]!.comments[0]!;
    expect(thread.changes).toEqual(item!.changes);
    expect(thread.evidenceAdded).toBe(1);
  });

  it('groups the rows by pillar, with last year beside this year and the owed criteria named', () => {
    const v = view('vi');
    expect(v.pillars.map((p) => p.rows.map((r) => r.data.number))).toEqual([[1], [2, 3]]);
    expect(v.pillars[0]!.rows[0]!.data.lastYear).toEqual({
      year: 2025,
      text: 'Chưa đạt · Không',
      value: 0,
      evidence: 2,
    });
    expect(v.pillars[1]!.rows[0]!.evidence[0]).toMatchObject({
      viewable: 'pdf',
      createdBy: 'Cán bộ tỉnh',
    });
    expect(v.missing).toEqual([3]);
    expect(v.evidence.bare).toEqual([1, 3]);
  });

  it('lets the province send the fix back to the Ministry, late by its fix-by date, in each language', () => {
    const vi = view('vi');
    expect(vi.workflow.available).toContain('submit');
    expect(vi.workflow.submit).toEqual({ late: null, toMinistry: true });
    expect(vi.workflow.items.map((i) => i.current)).toEqual([
      'Đạt · Có',
      'Đạt · 97,5%',
      'Chưa đánh giá',
    ]);
    expect(vi.due).toEqual({ kind: 'RETURN_FIX', due: '2026-04-10', state: 'open' });
    const en = view('en');
    expect(en.pillars.map((p) => p.name)).toEqual(['Security', 'Order']);
    expect(en.returnsSummary[0]!.changes).toEqual(['Figure: 91% → 97.5%']);
    expect(en.workflow.items[1]!.title).toBe('Criterion 2');
  });
});
