import 'server-only';
import type { ReportData } from '@/lib/data/progress/reports';
import { briefingContent } from './briefing';
import { briefingDocx } from './docx';
import { briefingPdf } from './pdf';
import { briefingPptx } from './pptx';

export type BriefingFormat = 'pdf' | 'pptx' | 'docx';

const TYPES: Record<BriefingFormat, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface BriefingFile {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

/**
 * The briefing pack of a scope and year as a file: PDF or PPTX slides, or the DOCX report (Báo
 * cáo) in the government's format. One builder for the download and the subscribed e-mail.
 */
export async function briefingFile(
  data: ReportData,
  locale: 'vi' | 'en',
  format: BriefingFormat,
): Promise<BriefingFile> {
  const content = briefingContent(data, locale);
  const bytes =
    format === 'pdf'
      ? await briefingPdf(content)
      : format === 'pptx'
        ? await briefingPptx(content)
        : await briefingDocx(content, data.province);
  return {
    bytes: new Uint8Array(bytes),
    contentType: TYPES[format],
    filename: `bao-cao-kieu-mau-${data.province?.code ?? 'toan-quoc'}-${content.year}.${format}`,
  };
}
