import 'server-only';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import sharp from 'sharp';
import { errorField, log } from '@/lib/server/log';

/** The longest side of an evidence thumbnail, in pixels (a 2× screen's 160 px tile). */
export const THUMBNAIL_PX = 320;

/** Larger pictures are not decoded (a 20 MB file of a few pixels repeated could be billions). */
const MAX_INPUT_PIXELS = 100_000_000;

// One picture at a time and no cache of decoded pictures: a thumbnail is made once, then kept.
sharp.concurrency(1);
sharp.cache(false);

/**
 * A small WebP of an evidence picture (PNG, JPEG or WebP), turned upright as the camera recorded
 * it and never enlarged; null when the picture cannot be decoded (it is still shown whole and
 * downloads as stored). libvips (through sharp) streams the source in.
 */
export async function makeThumbnail(
  source: ReadableStream<Uint8Array>,
): Promise<Uint8Array | null> {
  const image = sharp({ failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 70 });
  const input = Readable.fromWeb(source as WebReadableStream<Uint8Array>);
  input.on('error', (error) => image.destroy(error));
  input.pipe(image);
  try {
    return new Uint8Array(await image.toBuffer());
  } catch (error) {
    log.warn({ err: errorField(error) }, 'thumbnail not made');
    return null;
  }
}
