import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as thumbnailRoute } from '@/app/api/evidence/[id]/thumbnail/route';
import { GET as download } from '@/app/api/evidence/[id]/route';
import { db } from '@/lib/server/db';
import { actAs } from '@/tests/support/action-context';
import {
  form,
  makeUser,
  postEvidence,
  registeredWard,
  seedReference,
} from '@/tests/support/factories';

/**
 * An inspector sees each evidence picture as a small preview in the list (before, every file had
 * to be opened or downloaded to know what it showed). The preview is made on the first showing,
 * upright and never enlarged, kept with the bytes, and shown only to users whose scope holds it.
 */

let resultId = 0;
let officer = '';

beforeAll(async () => {
  await seedReference();
  const ward = await registeredWard();
  officer = ward.officer.email;
  resultId = ward.result(1).id;
}, 180_000);

async function attach(title: string, name: string, type: string, bytes: Uint8Array) {
  const data = form({ resultId, kind: 'FILE', title });
  data.set('file', new File([new Uint8Array(bytes)], name, { type }));
  expect(await postEvidence(data)).toMatchObject({ status: 'success' });
  return (await db().evidence.findFirstOrThrow({ where: { title } })).id;
}

const thumbnail = (id: number) =>
  thumbnailRoute(new Request(`http://t/api/evidence/${id}/thumbnail`), {
    params: Promise.resolve({ id: String(id) }),
  });

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } });

describe('evidence picture previews', () => {
  it('a photo gets a small WebP preview, made once and kept', async () => {
    await actAs(officer);
    const png = await picture(1200, 800).png().toBuffer();
    const id = await attach('Ảnh hiện trường lớn', 'hien-truong.png', 'image/png', png);
    const first = await thumbnail(id);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/webp');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(bytes.length).toBeLessThan(png.length);
    expect(await sharp(bytes).metadata()).toMatchObject({
      format: 'webp',
      width: 320,
      height: 213,
    });
    // Kept with the bytes: the next showing reads it back, the same.
    const item = await db().evidence.findUniqueOrThrow({ where: { id } });
    expect(await db().blobThumbnail.count({ where: { sha256: item.sha256! } })).toBe(1);
    const again = new Uint8Array(await (await thumbnail(id)).arrayBuffer());
    expect(Buffer.compare(again, bytes)).toBe(0);
  });

  it('a phone photo taken sideways is shown upright, and a small picture is not enlarged', async () => {
    await actAs(officer);
    // Stored 800 wide and 400 high, with the camera's "turn a quarter" (EXIF orientation 6).
    const sideways = await picture(800, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const id = await attach('Ảnh chụp dọc', 'doc.jpg', 'image/jpeg', sideways);
    const upright = await sharp(
      new Uint8Array(await (await thumbnail(id)).arrayBuffer()),
    ).metadata();
    expect(upright).toMatchObject({ width: 160, height: 320 });
    const small = await attach(
      'Ảnh nhỏ',
      'nho.webp',
      'image/webp',
      await picture(40, 30).webp().toBuffer(),
    );
    expect(
      await sharp(new Uint8Array(await (await thumbnail(small)).arrayBuffer())).metadata(),
    ).toMatchObject({
      width: 40,
      height: 30,
    });
  });

  it('no preview for a PDF or a picture that does not decode; the file itself still downloads', async () => {
    await actAs(officer);
    const pdf = await attach(
      'Biên bản',
      'bien-ban.pdf',
      'application/pdf',
      new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    );
    expect((await thumbnail(pdf)).status).toBe(404);
    const broken = new Uint8Array(2048);
    broken.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const id = await attach('Ảnh hỏng', 'hong.png', 'image/png', broken);
    expect((await thumbnail(id)).status).toBe(404);
    const file = await download(new Request(`http://t/api/evidence/${id}`), {
      params: Promise.resolve({ id: String(id) }),
    });
    expect(file.status).toBe(200);
  });

  it('another province sees no preview: not found, as for the file', async () => {
    await actAs(officer);
    const id = await attach(
      'Ảnh riêng',
      'rieng.png',
      'image/png',
      await picture(50, 50).png().toBuffer(),
    );
    await actAs((await makeUser('PROVINCE', { provinceCode: '01' })).email);
    expect((await thumbnail(id)).status).toBe(404);
    await actAs((await makeUser('MINISTRY')).email);
    expect((await thumbnail(id)).status).toBe(200);
  });
});
