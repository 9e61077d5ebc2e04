import { beforeAll, describe, expect, it } from 'vitest';
import { GET as download } from '@/app/api/evidence/[id]/route';
import { getDatabase, db } from '@/lib/server/db';
import { sha256Hex } from '@/lib/server/crypto';
import { form, postEvidence, registeredWard, seedReference } from '@/tests/support/factories';
import { randomPdf } from '@/tests/support/files';

/**
 * A file of any allowed size attaches however slow the database is: its bytes are stored piece by
 * piece, then linked in one short transaction (before, one transaction held the whole file and
 * ran past its 5 s limit from about 5 MB on a busy server). A failed or refused upload leaves no
 * piece behind.
 */

const MB = 1024 * 1024;
let resultId = 0;

/** A PDF of `mb` megabytes whose bytes differ from any other call's. */
function pdf(mb: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(mb * MB);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096 + seed) & 0xff;
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  return bytes;
}

function upload(bytes: Uint8Array<ArrayBuffer>, title: string) {
  const data = form({ resultId, kind: 'FILE', title });
  data.set('file', new File([bytes], `${title}.pdf`, { type: 'application/pdf' }));
  return postEvidence(data);
}

const sql = (text: string) => getDatabase().sql.query(text);
const pieces = async (sha: string) =>
  Number(
    (
      await getDatabase().sql.query<{ n: number }>(
        `SELECT count(*)::int n FROM blob_chunks WHERE sha256 = '${sha}'`,
      )
    )[0]!.n,
  );

beforeAll(async () => {
  await seedReference();
  resultId = (await registeredWard()).result(1).id;
}, 180_000);

describe('storing evidence', () => {
  it('a 20 MB scan attaches with every piece of it slowed down, and comes back whole', async () => {
    // Each 1 MiB piece takes 0.3 s to write: 6 s in all, past the old 5 s transaction limit.
    await sql(`CREATE OR REPLACE FUNCTION slow_piece() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$`);
    await sql(`CREATE TRIGGER slow_piece BEFORE INSERT ON blob_chunks
      FOR EACH ROW EXECUTE FUNCTION slow_piece()`);
    try {
      const bytes = pdf(20, 1);
      const started = Date.now();
      const answer = await upload(bytes, 'Quyết định scan');
      expect(answer).toMatchObject({ status: 'success', http: 200 });
      expect(Date.now() - started).toBeGreaterThan(6_000);
      const item = await db().evidence.findFirstOrThrow({ where: { title: 'Quyết định scan' } });
      const response = await download(new Request(`http://t/api/evidence/${item.id}`), {
        params: Promise.resolve({ id: String(item.id) }),
      });
      expect(response.status).toBe(200);
      expect(sha256Hex(new Uint8Array(await response.arrayBuffer()))).toBe(sha256Hex(bytes));
    } finally {
      await sql('DROP TRIGGER slow_piece ON blob_chunks');
    }
  }, 120_000);

  it('every byte value survives storing and reading, across piece boundaries', async () => {
    // Random bytes (not a mostly empty page) over two and a bit pieces, so a byte codec that
    // drops, reorders or mis-encodes anything, or reads a view's whole buffer, is caught.
    const bytes = randomPdf(2 * MB + 7);
    expect(await upload(bytes, 'Ảnh chụp ngẫu nhiên')).toMatchObject({ status: 'success' });
    const item = await db().evidence.findFirstOrThrow({ where: { title: 'Ảnh chụp ngẫu nhiên' } });
    const response = await download(new Request(`http://t/api/evidence/${item.id}`), {
      params: Promise.resolve({ id: String(item.id) }),
    });
    const back = new Uint8Array(await response.arrayBuffer());
    expect(back.length).toBe(bytes.length);
    expect(Buffer.compare(back, bytes)).toBe(0);
    expect(await pieces(sha256Hex(bytes))).toBe(3);
  }, 60_000);

  it('an upload cut off mid-file says so and leaves no piece behind', async () => {
    await sql(`CREATE OR REPLACE FUNCTION broken_piece() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF NEW.seq = 3 THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`);
    await sql(`CREATE TRIGGER broken_piece BEFORE INSERT ON blob_chunks
      FOR EACH ROW EXECUTE FUNCTION broken_piece()`);
    const bytes = pdf(6, 2);
    try {
      const answer = await upload(bytes, 'Biên bản bị cắt');
      expect(answer).toMatchObject({ status: 'error', http: 503 });
      expect(answer.message).toMatch(/chưa được lưu xong/);
      expect(answer.values?.title).toBe('Biên bản bị cắt');
    } finally {
      await sql('DROP TRIGGER broken_piece ON blob_chunks');
    }
    expect(await pieces(sha256Hex(bytes))).toBe(0);
    expect(await db().blob.count({ where: { sha256: sha256Hex(bytes) } })).toBe(0);
    // Tried again, it attaches.
    expect(await upload(bytes, 'Biên bản bị cắt')).toMatchObject({ status: 'success' });
    expect(await pieces(sha256Hex(bytes))).toBe(6);
  }, 120_000);

  it('bytes no evidence refers to (an upload killed between storing and linking) are swept', async () => {
    const { removeOrphanBlobs } = await import('@/lib/data/evidence/blob-store');
    await db().blob.create({
      data: {
        sha256: 'f'.repeat(64),
        size: 3,
        mimeType: 'application/pdf',
        createdAt: new Date(0),
      },
    });
    await db().blobChunk.create({
      data: { sha256: 'f'.repeat(64), seq: 0, data: new Uint8Array(3) },
    });
    expect(await removeOrphanBlobs()).toBeGreaterThanOrEqual(1);
    expect(await pieces('f'.repeat(64))).toBe(0);
    // Linked bytes are never swept.
    const linked = await db().evidence.count({ where: { sha256: { not: null } } });
    await removeOrphanBlobs(0);
    expect(await db().evidence.count({ where: { sha256: { not: null } } })).toBe(linked);
    expect(await db().blob.count({ where: { evidence: { some: {} } } })).toBeGreaterThanOrEqual(2);
  });
});
