import fs from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/lib/server/crypto';
import { inspectFile } from '@/lib/domain/file-type';
import { stageFile, stagedBytes, type StagedFile } from '@/lib/files/uploads';

/** A body as a network delivers it: in small pieces. */
const trickle = (bytes: Uint8Array, piece = 16 * 1024) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += piece) yield Buffer.from(bytes.subarray(i, i + piece));
    })(),
  );

const pdf = (kb: number) => {
  const bytes = new Uint8Array(kb * 1024);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7) & 0xff;
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
  return bytes;
};

async function joined(file: StagedFile, piece: number) {
  const parts: Uint8Array[] = [];
  for await (const p of file.pieces(piece)) parts.push(p);
  return Buffer.concat(parts);
}

describe('staging an upload', () => {
  it.each([1, 200, 300, 511, 513, 2048])(
    'a %i KB file arriving in 16 KB pieces: same bytes, hash and size, same reads anywhere, same type',
    async (kb) => {
      const bytes = pdf(kb);
      const staged = await stageFile('a.pdf', trickle(bytes), 20 * 1024 * 1024);
      if (staged === 'too_large') throw new Error('refused');
      try {
        expect(staged.size).toBe(bytes.length);
        expect(staged.sha256).toBe(sha256Hex(bytes));
        expect(await inspectFile(staged)).toMatchObject({ ok: true, type: { extension: 'pdf' } });
        expect(Buffer.compare(await joined(staged, 100 * 1024), Buffer.from(bytes))).toBe(0);
        // The same file from memory reads the same, at any offset (the end included).
        const memory = stagedBytes('a.pdf', bytes);
        expect(await inspectFile(memory)).toMatchObject({ ok: true, type: { extension: 'pdf' } });
        expect(Buffer.compare(await joined(memory, 100 * 1024), Buffer.from(bytes))).toBe(0);
        for (const offset of [0, 1, bytes.length - 100, bytes.length - 1])
          expect(Buffer.from(await staged.readAt(offset, 200))).toEqual(
            Buffer.from(await memory.readAt(offset, 200)),
          );
      } finally {
        await staged.dispose();
      }
    },
  );

  it('a file past the limit is refused and leaves no temporary copy', async () => {
    const before = fs
      .readdirSync(process.env.TMPDIR ?? '/tmp')
      .filter((f) => f.startsWith('kieumau-upload-'));
    expect(await stageFile('b.pdf', trickle(pdf(300)), 256 * 1024)).toBe('too_large');
    const after = fs
      .readdirSync(process.env.TMPDIR ?? '/tmp')
      .filter((f) => f.startsWith('kieumau-upload-'));
    expect(after).toEqual(before);
  });
});
