import 'server-only';
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { pngOf } from './report-images';

/**
 * The pieces of an administrative document in the typography of Nghị định 30/2020/NĐ-CP
 * (../shared/DOCFORMAT.md), for lib/exports/docx.ts: Times New Roman, justified body text with
 * a first-line indent, bold numbered headings, tables whose header row repeats, pictures with
 * captions, and the borderless two-column blocks of the header and the signature.
 */

export const FONT = 'Times New Roman';
/** Millimetres in twips (docx's own helper rounds down: A4 would be 11905 wide). */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** Half-points, as docx counts font sizes. */
export const pt = (points: number) => points * 2;
export const BODY = pt(14);
/** Text width of the page: 210 mm less 30 mm left and 15 mm right margins. */
export const TEXT_MM = 165;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

export function run(text: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ text, font: FONT, size: BODY, ...options });
}

/** A centred line (header block, title). */
export function centred(
  text: string,
  options: IRunOptions & { after?: number; rule?: boolean } = {},
) {
  const { after = 0, rule = false, ...runOptions } = options;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after },
    children: [run(text, runOptions)],
    ...(rule
      ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } }
      : {}),
  });
}

/** Body text: justified, first-line indent 1.27 cm, 6 pt after, 1.15 lines. */
export function body(text: string, options: IRunOptions = {}) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(12.7) },
    spacing: { after: 120, line: 276 },
    children: [run(text, options)],
  });
}

export const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 120, after: 120 },
    indent: { firstLine: mm(12.7) },
    keepNext: true,
    children: [run(text, { bold: true })],
  });

export function cell(
  text: string,
  options: { bold?: boolean; right?: boolean; size?: number } = {},
) {
  return new TableCell({
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [run(text, { bold: options.bold, size: options.size ?? pt(12) })],
      }),
    ],
  });
}

/** A table with its header row repeated on every page. */
export function grid(headers: string[], rows: string[][], numeric: boolean[], size = pt(12)) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.AUTOFIT,
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((h) => cell(h, { bold: true, size })),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((v, i) => cell(v, { right: numeric[i], size })),
          }),
      ),
    ],
  });
}

export async function picture(
  svg: { svg: string; width: number; height: number },
  widthMm: number,
) {
  const widthPx = Math.round((widthMm / 25.4) * 96);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ImageRun({
        type: 'png',
        data: await pngOf(svg.svg, 2),
        transformation: { width: widthPx, height: Math.round((widthPx * svg.height) / svg.width) },
      }),
    ],
  });
}

export const caption = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [run(text, { italics: true, size: pt(12) })],
  });

/** Two borderless columns side by side (the header block, the signature block). */
export function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number) {
  const leftMm = TEXT_MM * leftShare;
  return new Table({
    width: { size: mm(TEXT_MM), type: WidthType.DXA },
    columnWidths: [mm(leftMm), mm(TEXT_MM - leftMm)],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: mm(leftMm), type: WidthType.DXA },
            borders: NO_BORDERS,
            children: left,
          }),
          new TableCell({
            width: { size: mm(TEXT_MM - leftMm), type: WidthType.DXA },
            borders: NO_BORDERS,
            children: right,
          }),
        ],
      }),
    ],
  });
}
