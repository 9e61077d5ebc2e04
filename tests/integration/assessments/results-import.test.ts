import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as template } from '@/app/api/imports/results/template/route';
import { POST as importResults } from '@/app/api/imports/results/route';
import { registerWardsAction, saveResultAction } from '@/lib/actions/assessments';
import { db } from '@/lib/server/db';
import { actAs } from '@/tests/support/action-context';
import { form, makeUnit, makeUser, seedReference, YEAR } from '@/tests/support/factories';

beforeAll(seedReference);

async function setup(provinceCode = '38') {
  const unit = await makeUnit(provinceCode);
  const officer = await makeUser('PROVINCE', { provinceCode });
  await actAs(officer.email);
  await registerWardsAction(
    { status: 'idle' },
    form({ provinceCode, year: YEAR, unitCode: unit.code }),
  );
  const response = await template(
    new Request(`http://t/api/imports/results/template?province=${provinceCode}&year=${YEAR}`),
  );
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return { unit, officer, book, sheet: book.getWorksheet('Kết quả')! };
}

/** The template row of a ward's criterion. */
function rowOf(sheet: ExcelJS.Worksheet, unitCode: string, criterion: number): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === unitCode && row.getCell(3).value === criterion) found = row;
  });
  return found!;
}

async function post(mode: 'preview' | 'apply', bytes: Uint8Array | ArrayBuffer) {
  const body = new FormData();
  body.set('file', new File([bytes as ArrayBuffer], 'ket-qua.xlsx'));
  const response = await importResults(
    new Request(`http://t/api/imports/results?mode=${mode}`, {
      method: 'POST',
      body,
      headers: { origin: 'http://t' },
    }),
  );
  expect(response.status).toBe(200);
  return response.json();
}

const bytesOf = async (book: ExcelJS.Workbook) => new Uint8Array(await book.xlsx.writeBuffer());

describe('results import, template round trip', () => {
  it('states each rule in plain words, as the sheet does, not as codes', async () => {
    const { unit, sheet } = await setup();
    const measure = (n: number) => String(rowOf(sheet, unit.code, n).getCell(5).value);
    const all = [...Array(22).keys()].map((i) => measure(i + 1));
    for (const text of all)
      expect(text).not.toMatch(/\b(COUNT|PERCENT|BOOLEAN|CHANGE|GTE|EQ|LT)\b/);
    // Criterion 2 (no officer disciplined) and 11 (residence data at least 95%).
    expect(measure(2)).toMatch(/^Số lượng\. Đạt khi số liệu bằng 0\. Cột Số liệu: số lượng/);
    expect(measure(11)).toMatch(/^Tỷ lệ \(%\)\. Đạt khi tỷ lệ từ 95% trở lên\./);
    expect(measure(3)).toContain('1 = Có, 0 = Không');
    expect(measure(1)).toMatch(
      /Đạt khi xếp loại từ mức “.+” trở lên\. Cột Số liệu: số thứ tự của mức \(0 = /,
    );
  });

  it('changes exactly the filled cells, all at once, audited', async () => {
    const { unit, book, sheet } = await setup();
    rowOf(sheet, unit.code, 3).getCell(6).value = 'Đạt';
    rowOf(sheet, unit.code, 3).getCell(7).value = 1;
    rowOf(sheet, unit.code, 11).getCell(6).value = 'Đạt';
    rowOf(sheet, unit.code, 11).getCell(7).value = 97.5;
    rowOf(sheet, unit.code, 11).getCell(9).value = 'Số liệu quý IV';
    const file = await bytesOf(book);

    const preview = await post('preview', file);
    expect(preview.problems).toEqual([]);
    expect(preview.changes.map((c: { criterion: number }) => c.criterion)).toEqual([3, 11]);
    expect(
      await db().criterionResult.count({
        where: { assessment: { unitId: unit.id }, version: { gt: 1 } },
      }),
    ).toBe(0);

    const applied = await post('apply', file);
    expect(applied.applied).toBe(2);
    const results = await db().criterionResult.findMany({
      where: { assessment: { unitId: unit.id } },
      include: { criterion: true },
    });
    const changed = results
      .filter((r) => r.version > 1)
      .map((r) => r.criterion.number)
      .sort((a, b) => a - b);
    expect(changed).toEqual([3, 11]);
    expect(results.find((r) => r.criterion.number === 11)).toMatchObject({
      state: 'MET',
      value: 97.5,
      note: 'Số liệu quý IV',
    });
    expect(
      await db().auditEvent.count({
        where: { action: 'result.import', entityId: { in: results.map((r) => String(r.id)) } },
      }),
    ).toBe(2);
    const assessment = await db().assessment.findFirstOrThrow({
      where: { unitId: unit.id, year: YEAR },
    });
    expect(assessment.metCount).toBe(2);
  });

  it('lists every row’s problems in Vietnamese with its row number, and applies nothing', async () => {
    const { unit, book, sheet } = await setup();
    const r11 = rowOf(sheet, unit.code, 11);
    r11.getCell(6).value = 'Đạt';
    r11.getCell(7).value = 150;
    const r2 = rowOf(sheet, unit.code, 2);
    r2.getCell(7).value = { formula: '1+1', result: 2 };
    const r3 = rowOf(sheet, unit.code, 3);
    r3.getCell(6).value = 'Tuyệt vời';
    const r4 = rowOf(sheet, unit.code, 4);
    r4.getCell(1).value = '99999';
    const file = await bytesOf(book);
    const applied = await post('apply', file);
    expect(applied.applied).toBe(0);
    const messages = applied.problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        `Dòng ${r11.number}: tỷ lệ phải từ 0 đến 100.`,
        `Dòng ${r2.number}: có công thức; chỉ nhận giá trị.`,
        `Dòng ${r3.number}: kết quả không hợp lệ (chọn trong danh sách).`,
        expect.stringMatching(new RegExp(`^Dòng ${r4.number}: phường 99999`)),
      ]),
    );
    expect(
      await db().criterionResult.count({
        where: { assessment: { unitId: unit.id }, version: { gt: 1 } },
      }),
    ).toBe(0);
  });

  it('reads figures typed as text the way the uploader’s language writes them', async () => {
    const { unit, book, sheet } = await setup();
    const r13 = rowOf(sheet, unit.code, 13); // a count, at least 2
    r13.getCell(6).value = 'Đạt';
    r13.getCell(7).value = '12.500';
    const r8 = rowOf(sheet, unit.code, 8); // down on last year
    r8.getCell(6).value = 'Đạt';
    r8.getCell(7).value = '1.100';
    r8.getCell(8).value = '1.250';
    expect((await post('apply', await bytesOf(book))).problems).toEqual([]);
    const stored = await db().criterionResult.findMany({
      where: { assessment: { unitId: unit.id }, criterion: { number: { in: [8, 13] } } },
      include: { criterion: { select: { number: true } } },
      orderBy: { criterion: { number: 'asc' } },
    });
    expect(stored.map((r) => [r.criterion.number, r.value, r.baseline])).toEqual([
      [8, 1100, 1250],
      [13, 12500, null],
    ]);

    // A figure that reads two ways, or the other language's way, is a problem, never a guess.
    const r11 = rowOf(sheet, unit.code, 11);
    r11.getCell(6).value = 'Đạt';
    r11.getCell(7).value = '1,000';
    const r12 = rowOf(sheet, unit.code, 12);
    r12.getCell(7).value = '97.5';
    const answer = await post('apply', await bytesOf(book));
    expect(answer.applied).toBe(0);
    expect(answer.problems.map((p: { message: string }) => p.message)).toEqual(
      expect.arrayContaining([
        `Dòng ${r11.number}: “1,000” có thể hiểu hai cách: 1.000 (hàng nghìn) hoặc 1. Hãy viết đúng số bạn muốn.`,
        expect.stringMatching(
          new RegExp(`^Dòng ${r12.number}: “97.5” viết theo kiểu tiếng Anh.*97,5\\?$`),
        ),
      ]),
    );
  });

  it('reports a row changed in the app since the template as a conflict, and overwrites nothing', async () => {
    const { unit, book, sheet } = await setup();
    const result = await db().criterionResult.findFirstOrThrow({
      where: { assessment: { unitId: unit.id }, criterion: { number: 3 } },
    });
    await saveResultAction(
      { status: 'idle' },
      form({ resultId: result.id, version: 1, state: 'NOT_MET', value: '0', note: 'sửa trên web' }),
    );
    rowOf(sheet, unit.code, 3).getCell(6).value = 'Đạt';
    rowOf(sheet, unit.code, 3).getCell(7).value = 1;
    const applied = await post('apply', await bytesOf(book));
    expect(applied.applied).toBe(0);
    expect(applied.conflicts).toHaveLength(1);
    expect((await db().criterionResult.findUniqueOrThrow({ where: { id: result.id } })).note).toBe(
      'sửa trên web',
    );
  });

  it('refuses files that are not its template: not XLSX, another province, macros, 100,000 rows', async () => {
    const { book } = await setup('38');
    const file = await bytesOf(book);
    expect(
      (await post('preview', new TextEncoder().encode('not a workbook'))).problems[0].message,
    ).toBe('Tệp không phải bảng tính Excel (.xlsx) hợp lệ.');

    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Sheet1').addRow(['a', 'b']);
    expect((await post('preview', await bytesOf(blank))).problems[0].code).toBe('wrong_template');

    const zip = await JSZip.loadAsync(file);
    zip.file('xl/vbaProject.bin', 'macro');
    expect(
      (await post('preview', await zip.generateAsync({ type: 'uint8array' }))).problems[0].code,
    ).toBe('macros');

    const huge = await JSZip.loadAsync(file);
    const sheetName = Object.keys(huge.files).find((f) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(f),
    )!;
    const xml = await huge.file(sheetName)!.async('string');
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>x</t></is></c></row>`,
    ).join('');
    huge.file(sheetName, xml.replace('</sheetData>', `${rows}</sheetData>`));
    const big = await post(
      'preview',
      await huge.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
    );
    expect(big.problems[0].code).toBe('too_many_rows');

    await actAs((await makeUser('PROVINCE', { provinceCode: '40' })).email);
    const foreign = await post('preview', file);
    expect(foreign.problems[0]).toMatchObject({
      code: 'other_province',
      message: 'Mẫu của tỉnh 38, không thuộc phạm vi của bạn.',
    });
  });
});
