import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '@/lib/domain/file-type';
import { stagedBytes } from '@/lib/files/uploads';

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Uint8Array.from(
    parts.flatMap((p) =>
      typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : Array.from(p),
    ),
  );
const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(`tests/fixtures/evidence/${name}`));
const inspect = (data: Uint8Array, name = 'x') => inspectFile(stagedBytes(name, data));

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A Compound File (OLE) with one directory sector holding these entry names. */
function ole(names: string[]): Uint8Array {
  const sector = 512;
  const file = new Uint8Array(sector * 3);
  const view = new DataView(file.buffer);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint32(44, 1, true); // one FAT sector
  view.setUint32(48, 1, true); // the directory starts at sector 1
  for (let i = 0; i < 109; i += 1) view.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // Sector 0 (the FAT): itself, then the directory's one-sector chain.
  const fat = sector;
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, 0xfffffffe, true);
  for (let i = 2; i < 128; i += 1) view.setUint32(fat + i * 4, 0xffffffff, true);
  // Sector 1 (the directory): four entries of 128 bytes.
  names.slice(0, 4).forEach((name, e) => {
    const at = sector * 2 + e * 128;
    [...name].forEach((c, i) => view.setUint16(at + i * 2, c.charCodeAt(0), true));
    view.setUint16(at + 64, (name.length + 1) * 2, true);
  });
  return file;
}

describe('inspectFile', () => {
  it('knows real PDF, Word and Excel files by their content, whatever they are called', async () => {
    expect(await inspect(fixture('bien-ban.pdf'))).toMatchObject({ type: { extension: 'pdf' } });
    expect(await inspect(fixture('bien-ban.docx'))).toMatchObject({ type: { extension: 'docx' } });
    expect(await inspect(fixture('bang.xlsx'))).toMatchObject({ type: { extension: 'xlsx' } });
    expect(await inspect(fixture('bien-ban.doc'), 'bang.xls')).toMatchObject({
      type: { extension: 'doc' },
    });
    expect(await inspect(fixture('bang.xls'), 'bien-ban.doc')).toMatchObject({
      type: { extension: 'xls' },
    });
  });

  it('knows PNG, JPEG and WebP by their signatures', async () => {
    expect(await inspect(bytes(PNG_HEAD, [0, 0, 0, 13]))).toMatchObject({
      type: { mime: 'image/png' },
    });
    expect(await inspect(bytes([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
      type: { mime: 'image/jpeg' },
    });
    expect(await inspect(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toMatchObject({
      type: { mime: 'image/webp' },
    });
  });

  it('refuses a ZIP that only names a word/ folder, and a package with macros', async () => {
    const fake = new JSZip();
    fake.file('[Content_Types].xml', '<Types/>');
    fake.file('word/evil.exe', 'MZ');
    expect(await inspect(await fake.generateAsync({ type: 'uint8array' }), 'a.docx')).toEqual({
      ok: false,
      reason: 'type',
    });
    const macro = await JSZip.loadAsync(fixture('bien-ban.docx'));
    macro.file('word/vbaProject.bin', 'macro');
    expect(await inspect(await macro.generateAsync({ type: 'uint8array' }), 'a.docx')).toEqual({
      ok: false,
      reason: 'type',
    });
    expect(await inspect(bytes([0x50, 0x4b, 0x03, 0x04], 'payload/evil.exe'))).toEqual({
      ok: false,
      reason: 'type',
    });
  });

  it('accepts an OLE file only when it holds a Word or Excel stream and no macros', async () => {
    expect(await inspect(ole(['Root Entry', 'WordDocument', '1Table']))).toMatchObject({
      type: { extension: 'doc' },
    });
    expect(await inspect(ole(['Root Entry', 'Workbook']))).toMatchObject({
      type: { extension: 'xls' },
    });
    for (const names of [
      ['Root Entry', 'Contents'], // some other OLE program's file (an installer, a drawing)
      ['Root Entry', 'WordDocument', 'Macros'],
      ['Root Entry', 'Workbook', '_VBA_PROJECT_CUR'],
    ])
      expect(await inspect(ole(names), 'x.doc'), names.join()).toEqual({
        ok: false,
        reason: 'type',
      });
    // A truncated container is refused, not read past its end.
    expect(await inspect(ole(['Root Entry', 'WordDocument']).subarray(0, 700))).toEqual({
      ok: false,
      reason: 'type',
    });
  });

  it('refuses polyglots: markup in an image or a PDF, scripts or launch actions in a PDF', async () => {
    const filler = new Uint8Array(1024 * 1024 - 3).fill(0x20);
    for (const [label, data] of [
      ['PNG + HTML', bytes(PNG_HEAD, 'tEXt<html><script>alert(1)</script>')],
      ['JPEG + SVG', bytes([0xff, 0xd8, 0xff, 0xe0], '<SVG onload=alert(1)>')],
      ['PDF + HTML', bytes('%PDF-1.4\n', '<!DOCTYPE html><body>')],
      ['PDF JavaScript', bytes('%PDF-1.4\n1 0 obj << /S /JavaScript /JS (app.alert(1)) >>')],
      ['PDF launch', bytes('%PDF-1.4\n1 0 obj << /S /Launch /F (cmd.exe) >>')],
      // Split across the 1 MiB pieces the scan reads.
      ['split markup', bytes('%PDF-1.4\n', filler, '<scr', 'ipt>')],
    ] as const)
      expect(await inspect(data), label).toEqual({ ok: false, reason: 'active_content' });
    // The fixtures themselves are clean.
    expect(await inspect(fixture('bien-ban.pdf'))).toMatchObject({ ok: true });
  });

  it('accepts coded data that spells markup or an action by chance, but not the same in structure', async () => {
    // Compressed pixels and stream data look random; random bytes spell "<svg " or "/JS (" by
    // chance (before, about one 20 MB scan in twelve was refused as active content).
    const chance = (length: number) => {
      const data = new Uint8Array(length);
      for (let i = 0; i < length; i += 1) data[i] = (i * 131 + 7) % 251;
      data.set(bytes('<svg /JS (x) <script>'), length >> 1);
      return data;
    };
    const u32 = (n: number, little = false) => {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setUint32(0, n, little);
      return b;
    };
    const chunk = (type: string, data: Uint8Array) =>
      bytes(u32(data.length), type, data, [0, 0, 0, 0]);
    const png = (...chunks: Uint8Array[]) => bytes(PNG_HEAD, ...chunks, chunk('IEND', bytes()));
    const riff = (type: string, data: Uint8Array) => bytes(type, u32(data.length, true), data);
    const webp = (...chunks: Uint8Array[]) => {
      const body = bytes('WEBP', ...chunks);
      return bytes('RIFF', u32(body.length, true), body);
    };
    // JPEG: coded data never holds 0xFF but as 0xFF00 (stuffed).
    const coded = chance(4096).map((b) => (b === 0xff ? 0xfe : b));
    const segment = (code: number, data: Uint8Array) =>
      bytes([0xff, code, (data.length + 2) >> 8, (data.length + 2) & 0xff], data);
    const jpeg = (...parts: Uint8Array[]) => bytes([0xff, 0xd8], ...parts);
    const scan = bytes(segment(0xda, bytes([1, 1, 0, 0, 63, 0])), coded, [0xff, 0x00, 0x12]);
    const eoi = bytes([0xff, 0xd9]);
    const stream = (data: Uint8Array) =>
      bytes('%PDF-1.7\n1 0 obj << /Length 4096 >>\nstream\n', data, '\nendstream\nendobj\n%%EOF');

    for (const [label, data] of [
      ['PDF stream', stream(chance(4096))],
      ['PNG pixels', png(chunk('IHDR', bytes(new Uint8Array(13))), chunk('IDAT', chance(4096)))],
      ['JPEG coded data', jpeg(segment(0xe0, bytes('JFIF', [0])), scan, eoi)],
      ['WebP image', webp(riff('VP8 ', chance(4096)))],
    ] as const)
      expect(await inspect(data), label).toMatchObject({ ok: true });

    for (const [label, data] of [
      ['PDF action beside a stream', bytes(stream(chance(64)), '2 0 obj << /S /JavaScript >>')],
      ['PDF stream that never ends', bytes('%PDF-1.7\n(>> stream\n) << /S /Launch /F (x) >>')],
      ['PNG text chunk', png(chunk('tEXt', bytes('Comment\0<script>alert(1)</script>')))],
      ['after PNG end', bytes(png(chunk('IDAT', chance(64))), '<html><script>')],
      ['JPEG comment', jpeg(segment(0xfe, bytes('<svg onload=alert(1)>')), scan, eoi)],
      ['after JPEG end', bytes(jpeg(scan, eoi), '<iframe src=x>')],
      ['WebP metadata', webp(riff('VP8 ', chance(64)), riff('XMP ', bytes('<svg/onload=x>')))],
    ] as const)
      expect(await inspect(data), label).toEqual({ ok: false, reason: 'active_content' });
  });

  it('ignores the name: a page, an SVG or a program called report.pdf is refused', async () => {
    for (const data of [
      bytes('<html><script>alert(1)</script>'),
      bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      bytes('MZ\x90\x00'),
      new Uint8Array(),
    ])
      expect(await inspect(data, 'report.pdf')).toEqual({ ok: false, reason: 'type' });
  });
});
