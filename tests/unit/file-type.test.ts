import { describe, expect, it } from 'vitest';
import { detectFileType } from '@/lib/domain/file-type';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

describe('detectFileType', () => {
  it('knows PDF, PNG, JPEG and WebP by their first bytes', () => {
    expect(detectFileType(bytes('%PDF-1.7\n'))?.mime).toBe('application/pdf');
    expect(
      detectFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    )?.toMatchObject({ mime: 'image/png' });
    expect(detectFileType(bytes([0xff, 0xd8, 0xff, 0xe0])))?.toMatchObject({ mime: 'image/jpeg' });
    expect(detectFileType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')))?.toMatchObject({
      mime: 'image/webp',
    });
  });

  it('tells Word from Excel inside Office Open XML packages', () => {
    const docx = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml');
    const xlsx = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....xl/workbook.xml');
    expect(detectFileType(docx)?.extension).toBe('docx');
    expect(detectFileType(xlsx)?.extension).toBe('xlsx');
  });

  it('ignores the name: a script called report.pdf is refused', () => {
    expect(detectFileType(bytes('<html><script>alert(1)</script>'), 'report.pdf')).toBeNull();
    expect(
      detectFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'chart.png'),
    ).toBeNull();
    expect(detectFileType(bytes('MZ\x90\x00'), 'minutes.docx')).toBeNull();
  });

  it('refuses a plain ZIP archive and an empty file', () => {
    expect(detectFileType(bytes([0x50, 0x4b, 0x03, 0x04], 'payload/evil.exe'))).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
  });
});
