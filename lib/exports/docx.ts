import 'server-only';
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TextRun,
} from 'docx';
import type { ProvinceInfo } from '@/lib/data/units/provinces';
import { dayOf } from '@/lib/domain/calendar';
import { translatorFor } from '@/lib/i18n/translator';
import { cellText } from '@/lib/domain/export-tables';
import type { BriefingContent } from './briefing';
import {
  body,
  BODY,
  caption,
  centred,
  FONT,
  grid,
  heading,
  mm,
  picture,
  pt,
  run,
  twoColumns,
} from './docx-parts';
import { mapSvg, seriesChartSvg } from './report-images';

/**
 * The "Báo cáo": the briefing's content as an official report in the format of Nghị định
 * 30/2020/NĐ-CP (../shared/DOCFORMAT.md): A4, Times New Roman, the two-column header (issuing
 * body, number; national name and motto, place and date), "BÁO CÁO" and its summary line,
 * numbered parts, tables, the chart and the map as pictures, the writer's own part, the method
 * note, recipients and the signature block. Number, date and signer are left blank for the
 * issuing office; everything stays editable in Word and LibreOffice. Built with `docx`.
 */

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

/** Part II's columns, by the export table's keys (lib/domain/export-tables.ts). */
const REPORT_COLUMNS = {
  provinces: [
    'province',
    'wards',
    'registered',
    'counted',
    'share',
    'verdict',
    'status',
    'projected',
  ],
  wards: ['code', 'ward', 'met', 'total', 'status', 'recognisedSince'],
} as const;

/** The report as a .docx file. `province` is the report's province (null: nationwide). */
export async function briefingDocx(
  content: BriefingContent,
  province: Pick<ProvinceInfo, 'name' | 'fullName'> | null,
): Promise<Buffer> {
  const t = translatorFor(content.locale, 'officialReport');
  const lines = (key: string) => t(key).split('\n');
  const summary = province
    ? t('summaryProvince', { year: content.year, scope: province.fullName })
    : t('summaryNation', { year: content.year });
  const city = province?.fullName.startsWith('Thành phố') ?? false;
  const issuer = province ? `CÔNG AN ${province.fullName.toUpperCase()}` : null;
  // The year the report is written, in Vietnam's calendar.
  const year = Number(dayOf(new Date()).slice(0, 4));
  const parts: (Paragraph | Table)[] = [];
  let part = 0;
  let figure = 0;
  const partHeading = (title: string) => heading(`${roman[part++]}. ${title}`);

  parts.push(partHeading(t('overall')), body(content.statusLine));
  parts.push(
    grid(
      [content.labels.headline, ''],
      content.headline.map((h) => [h.label, h.value]),
      [false, true],
    ),
  );
  if (content.series.length > 1) {
    parts.push(await picture(seriesChartSvg(content), 150));
    parts.push(caption(t('figure', { n: ++figure, text: content.labels.chart })));
    parts.push(
      grid(
        [t('year'), content.legend.actual, content.legend.target, content.legend.forecast],
        content.series.map((s) => [
          String(s.year),
          cellText(s.actual, 'share', content.locale),
          cellText(s.target, 'share', content.locale),
          cellText(s.forecast, 'share', content.locale),
        ]),
        [false, true, true, true],
      ),
    );
  }

  parts.push(partHeading(province ? t('byWard') : t('byProvince')));
  // The columns a reader of a report needs (every column is in the XLSX), numbered rows.
  const keep = REPORT_COLUMNS[province ? 'wards' : 'provinces'];
  const picked = keep
    .map((key) => content.table.columns.findIndex((c) => c.key === key))
    .filter((i) => i >= 0);
  const columns = picked.map((i) => content.table.columns[i]!);
  parts.push(
    grid(
      [t('rowNumber'), ...columns.map((c) => c.header[content.locale])],
      content.table.rows.map((row, r) => [
        String(r + 1),
        ...picked.map((i) =>
          cellText(row[i] ?? null, content.table.columns[i]?.kind ?? 'text', content.locale),
        ),
      ]),
      [true, ...columns.map((c) => c.kind !== 'text')],
      pt(11),
    ),
  );
  if (content.map) {
    parts.push(await picture(mapSvg(content.map), province ? 150 : 120));
    parts.push(
      caption(t('figure', { n: ++figure, text: `${content.map.title}. ${content.map.note}` })),
    );
  }

  parts.push(partHeading(t('criteria')));
  parts.push(
    content.criteria.length === 0
      ? body(content.labels.none)
      : grid(
          [t('criterion'), t('share')],
          content.criteria.map((c) => [c.label, cellText(c.share, 'share', content.locale)]),
          [false, true],
        ),
  );

  parts.push(partHeading(t('nearMisses')), body(content.labels.nearMisses));
  for (const line of content.nearMisses.length ? content.nearMisses : [content.labels.none])
    parts.push(body(`- ${line}`));

  parts.push(partHeading(t('remaining')), body(content.remaining));

  parts.push(partHeading(t('assessment')), body(t('writerNote'), { italics: true }));
  for (const item of lines('assessmentItems')) parts.push(body(item));

  parts.push(heading(content.method.title));
  for (const note of content.method.notes) parts.push(body(note, { size: pt(12) }));
  parts.push(
    body(`${content.method.source} ${content.dataDate}. ${content.stamp}.`, {
      size: pt(12),
      italics: true,
    }),
  );

  const signature = twoColumns(
    [
      new Paragraph({
        children: [run(t('recipientsTitle'), { bold: true, italics: true, size: pt(12) })],
      }),
      ...lines(province ? 'recipientsProvince' : 'recipientsNation').map(
        (line) => new Paragraph({ children: [run(line, { size: pt(11) })] }),
      ),
    ],
    [
      ...lines(province ? 'signerProvince' : 'signerNation').map((line) =>
        centred(line, { bold: true }),
      ),
      centred(t('signNote'), { italics: true, size: pt(12), after: 1800 }),
    ],
    0.5,
  );

  const header = twoColumns(
    [
      ...(issuer ? [centred(t('ministry'), { size: pt(13) })] : []),
      centred(issuer ?? t('ministry'), { bold: true, size: pt(13), rule: true, after: 120 }),
      centred(t('number', { symbol: province ? (city ? 'CATP' : 'CAT') : 'BCA-V05' }), {
        size: pt(13),
      }),
    ],
    [
      centred(t('nation'), { bold: true, size: pt(12) }),
      centred(t('motto'), { bold: true, size: pt(14), rule: true, after: 120 }),
      centred(t('date', { place: province?.name ?? 'Hà Nội', year }), {
        italics: true,
        size: pt(14),
      }),
    ],
    0.42,
  );

  const doc = new Document({
    creator: 'Kiểu Mẫu',
    title: `${t('kind')} ${summary}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10) },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) }),
                ],
              }),
            ],
          }),
        },
        children: [
          header,
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          centred(t('kind'), { bold: true }),
          centred(summary, { bold: true }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run('――――――――', { size: pt(10) })],
          }),
          ...parts,
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
