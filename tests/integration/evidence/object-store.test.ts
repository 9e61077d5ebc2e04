import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as download } from '@/app/api/evidence/[id]/route';
import { systemActor } from '@/lib/data/audit';
import { checkEvidence, moveEvidence } from '@/lib/data/evidence/move';
import { objectKey, objectStore } from '@/lib/files/object-store';
import { sha256Hex } from '@/lib/server/crypto';
import { db, getDatabase } from '@/lib/server/db';
import { form, postEvidence, registeredWard, seedReference } from '@/tests/support/factories';
import { startS3Server } from '@/tests/support/s3-server';
import { randomPdf } from '@/tests/support/files';

/**
 * Evidence on an S3-compatible object store (EVIDENCE_STORE=s3), against a real S3-protocol server
 * on loopback (s3rver) through the AWS SDK: files go up and come back whole without a piece in
 * the database, a corrupted object is refused rather than served, refused and orphaned uploads
 * leave no object, and `moveEvidence` carries every file between the stores, checking each hash.
 */

const MB = 1024 * 1024;
let resultId = 0;
let s3: Awaited<ReturnType<typeof startS3Server>>;
const saved = { ...process.env };

/** Random bytes behind a PDF header, so no two calls store the same content. */
async function upload(bytes: Uint8Array<ArrayBuffer>, title: string) {
  const data = form({ resultId, kind: 'FILE', title });
  data.set('file', new File([bytes], `${title}.pdf`, { type: 'application/pdf' }));
  return postEvidence(data);
}

async function fetchEvidence(title: string) {
  const item = await db().evidence.findFirstOrThrow({ where: { title } });
  return download(new Request(`http://t/api/evidence/${item.id}`), {
    params: Promise.resolve({ id: String(item.id) }),
  });
}

const pieces = async (sha: string) =>
  (
    await getDatabase().sql.query<{ n: number }>(
      'SELECT count(*)::int n FROM blob_chunks WHERE sha256 = $1',
      [sha],
    )
  )[0]?.n;
const location = async (sha: string) =>
  (await db().blob.findUnique({ where: { sha256: sha }, select: { location: true } }))?.location;
/** The object's bytes straight from the store, or null. */
async function stored(sha: string): Promise<Uint8Array | null> {
  const body = await objectStore()?.get(objectKey('evidence/', sha));
  return body ? new Uint8Array(await new Response(body).arrayBuffer()) : null;
}

beforeAll(async () => {
  s3 = await startS3Server();
  Object.assign(process.env, s3.env, { EVIDENCE_STORE: 's3' });
  await seedReference();
  resultId = (await registeredWard()).result(1).id;
}, 180_000);

afterAll(async () => {
  process.env = saved;
  await s3.stop();
});

describe('evidence on object storage', () => {
  it('a 12 MB scan goes to the object store, not the database, and comes back whole', async () => {
    const bytes = randomPdf(12 * MB + 3);
    const sha = sha256Hex(bytes);
    expect(await upload(bytes, 'Biên bản S3')).toMatchObject({ status: 'success', http: 200 });
    expect(await location(sha)).toBe('S3');
    expect(await pieces(sha)).toBe(0);
    expect(sha256Hex((await stored(sha)) ?? new Uint8Array())).toBe(sha);

    const response = await fetchEvidence('Biên bản S3');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    const back = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.compare(back, bytes)).toBe(0);
  }, 60_000);

  it('an object changed in the store is refused at its end, never served as the evidence', async () => {
    const bytes = randomPdf(2 * MB);
    const sha = sha256Hex(bytes);
    expect(await upload(bytes, 'Biên bản bị sửa')).toMatchObject({ status: 'success' });
    // Someone with access to the bucket swaps the bytes (same length, one byte changed).
    const tampered = new Uint8Array(bytes);
    tampered[MB] = (tampered[MB] ?? 0) ^ 0xff;
    await objectStore()?.put(
      objectKey('evidence/', sha),
      tampered.length,
      sha256Hex(tampered),
      (async function* () {
        yield tampered;
      })(),
    );
    const response = await fetchEvidence('Biên bản bị sửa');
    await expect(response.arrayBuffer()).rejects.toThrow();
  }, 60_000);

  it('an upload the store cannot take is refused, links nothing, and attaches when tried again', async () => {
    const bytes = randomPdf(MB);
    const sha = sha256Hex(bytes);
    process.env.S3_BUCKET = 'no-such-bucket';
    try {
      const answer = await upload(bytes, 'Không lưu được');
      expect(answer).toMatchObject({ status: 'error', http: 503 });
    } finally {
      process.env.S3_BUCKET = s3.env.S3_BUCKET;
    }
    // The store could not be asked to remove anything either: the row stays, unfinished, for
    // the sweep (it is never served: only finished bytes are read).
    expect(await db().blob.count({ where: { sha256: sha, storedAt: { not: null } } })).toBe(0);
    expect(await db().evidence.count({ where: { title: 'Không lưu được' } })).toBe(0);
    // Tried again with the store back, it attaches.
    expect(await upload(bytes, 'Không lưu được')).toMatchObject({ status: 'success' });
  }, 60_000);

  it('bytes no evidence refers to are swept from the store too', async () => {
    const { blobStore, removeOrphanBlobs } = await import('@/lib/data/evidence/blob-store');
    const bytes = randomPdf(MB);
    const sha = sha256Hex(bytes);
    // Stored, then the process died before linking it.
    await blobStore.put({
      sha256: sha,
      size: bytes.length,
      mimeType: 'application/pdf',
      async *pieces() {
        yield bytes;
      },
    });
    expect(await stored(sha)).not.toBeNull();
    expect(await removeOrphanBlobs(0)).toBeGreaterThanOrEqual(1);
    expect(await db().blob.count({ where: { sha256: sha } })).toBe(0);
    expect(await stored(sha)).toBeNull();
    // Linked files stay, in the store and in the index.
    const linked = await db().evidence.findFirstOrThrow({ where: { title: 'Biên bản S3' } });
    expect(await stored(linked.sha256 ?? '')).not.toBeNull();
  }, 60_000);

  it('every file moves to the database and back, checked, readable throughout', async () => {
    // Evidence stored in the database before the switch to object storage.
    process.env.EVIDENCE_STORE = 'database';
    const early = randomPdf(3 * MB + 11);
    expect(await upload(early, 'Trước khi chuyển')).toMatchObject({ status: 'success' });
    expect(await location(sha256Hex(early))).toBe('DATABASE');
    expect(await pieces(sha256Hex(early))).toBe(4);
    process.env.EVIDENCE_STORE = 's3';
    const all = await db().blob.findMany({
      where: { storedAt: { not: null } },
      select: { sha256: true },
    });

    const toS3 = await moveEvidence(systemActor('test'), 'S3');
    expect(toS3).toMatchObject({ moved: 1, bytes: early.length, failed: [], left: 0 });
    expect(await pieces(sha256Hex(early))).toBe(0);
    expect(sha256Hex((await stored(sha256Hex(early))) ?? new Uint8Array())).toBe(sha256Hex(early));
    const fromS3 = await fetchEvidence('Trước khi chuyển');
    expect(Buffer.compare(new Uint8Array(await fromS3.arrayBuffer()), early)).toBe(0);

    // The one tampered object (the test above) is refused by the check and stays where it was.
    const toDatabase = await moveEvidence(systemActor('test'), 'DATABASE');
    expect(toDatabase.failed).toHaveLength(1);
    expect(toDatabase.moved).toBe(all.length - 1);
    expect(toDatabase.left).toBe(1);
    const failed = toDatabase.failed[0]?.sha256 ?? '';
    expect(await location(failed)).toBe('S3');
    expect(await pieces(failed)).toBe(0);
    expect(await pieces(sha256Hex(early))).toBe(4);
    expect(await stored(sha256Hex(early))).toBeNull();
    const fromDatabase = await fetchEvidence('Biên bản S3');
    expect(fromDatabase.status).toBe(200);
    expect(sha256Hex(new Uint8Array(await fromDatabase.arrayBuffer()))).toBe(
      (await db().evidence.findFirstOrThrow({ where: { title: 'Biên bản S3' } })).sha256,
    );
    // Reading everything back finds the one file that is not what was stored, wherever it is.
    const check = await checkEvidence();
    expect(check.checked).toBe(all.length - 1);
    expect(check.failed.map((f) => f.sha256)).toEqual([failed]);
    // Each run is one audit event with its counts.
    const events = await db().auditEvent.findMany({
      where: { action: 'evidence.move' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.entityId, e.after])).toEqual([
      ['S3', { moved: 1, bytes: early.length, failed: 0 }],
      ['DATABASE', { moved: all.length - 1, bytes: expect.any(Number), failed: 1 }],
    ]);
  }, 120_000);
});
