import 'server-only';
import ExcelJS from 'exceljs';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { col, columns, stateLabels, TEMPLATE_KIND } from '@/lib/exports/results-sheet';
import { thresholdText } from '@/lib/i18n/threshold-text';
import { translatorFor } from '@/lib/i18n/translator';
import { reachOf, type Scope } from '@/lib/domain/permissions';
import { measureFields, resultFields } from './summary';
import { unitScopeWhere } from '../scope';

/** The results of a province's registered wards for a year, within the scope. */
export function registeredResults(
  scope: Scope,
  provinceId: number,
  year: number,
): Prisma.CriterionResultWhereInput {
  return {
    assessment: {
      year,
      status: { not: 'CANCELLED' },
      unit: { provinceId, validTo: null, ...unitScopeWhere(scope) },
    },
  };
}

/** A province of today within the scope, by code; null when outside it. */
export async function provinceInScope(scope: Scope, code: string) {
  return db().province.findFirst({
    where: {
      code,
      validTo: null,
      ...(reachOf(scope) === 'all' ? {} : { id: scope.provinceId ?? -1 }),
    },
    select: { id: true, code: true, name: true },
  });
}

/** The template for a province and year; null when the province is outside the scope. */
export async function buildResultsTemplate(
  scope: Scope,
  provinceCode: string,
  year: number,
): Promise<Buffer | null> {
  const province = await provinceInScope(scope, provinceCode);
  if (!province) return null;
  const results = await db().criterionResult.findMany({
    where: registeredResults(scope, province.id, year),
    orderBy: [{ assessment: { unit: { name: 'asc' } } }, { criterion: { number: 'asc' } }],
    select: {
      ...resultFields,
      assessment: { select: { unit: { select: { code: true, name: true } } } },
      criterion: { select: { ...measureFields, title: true } },
    },
  });
  const book = new ExcelJS.Workbook();
  book.creator = 'Kiểu Mẫu';
  const sheet = book.addWorksheet('Kết quả', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  // The rule in the words of the sheet's rows ("Đạt khi tỷ lệ từ 95% trở lên"), then how to fill it.
  const tm = translatorFor('vi', 'measures');
  for (const r of results) {
    const c = r.criterion;
    const measure = `${tm(c.measureKind)}. ${thresholdText(tm, c, 'vi')}. ${tm(
      `templateHow.${c.measureKind}`,
      {
        scale: c.ratingScale.map((l, i) => `${i} = ${l}`).join('; '),
      },
    )}`;
    sheet.addRow({
      unitCode: r.assessment.unit.code,
      unitName: r.assessment.unit.name,
      number: c.number,
      title: c.title,
      measure,
      state: stateLabels[r.state],
      value: r.value,
      baseline: r.baseline,
      note: r.note,
      resultId: r.id,
      version: r.version,
    });
  }
  const last = results.length + 1;
  for (let row = 2; row <= last; row += 1)
    sheet.getCell(row, col('state')).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${Object.values(stateLabels).join(',')}"`],
    };
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, last), column: columns.length },
  };
  const meta = book.addWorksheet('_meta', { state: 'veryHidden' });
  meta.addRow(['kind', TEMPLATE_KIND]);
  meta.addRow(['province', province.code]);
  meta.addRow(['year', year]);
  meta.addRow(['generated', new Date().toISOString()]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
