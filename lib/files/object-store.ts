import 'server-only';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { readEnv, type Env } from '@/lib/server/env';
import { log } from '@/lib/server/log';

/**
 * Evidence bytes on S3-compatible object storage (AWS S3, MinIO, Ceph RGW), through the AWS SDK.
 * An object is named by its sha256 under S3_PREFIX. Both ways are streamed: a file goes up as one
 * PUT whose body is read from the staged upload as the socket takes it, with its length and its
 * SHA-256 (stores that check checksums refuse a body that does not match); it comes down as the
 * response body, read as the browser reads. No whole file is ever held in memory.
 */
export interface ObjectStore {
  put(key: string, size: number, sha256: string, body: AsyncIterable<Uint8Array>): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  remove(key: string): Promise<void>;
}

export function objectKey(prefix: string, sha256: string): string {
  return `${prefix}${sha256.slice(0, 2)}/${sha256}`;
}

export function s3ObjectStore(env: Env): ObjectStore {
  if (!env.S3_BUCKET) throw new Error('S3_BUCKET is not set');
  const bucket = env.S3_BUCKET;
  const client = new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    // The checksum is the file's SHA-256, sent by us; the SDK adds no trailer of its own, which
    // stores other than AWS do not all understand.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // The SDK's own remarks go to the log, not to the console; the errors it reports are thrown
    // to us too (a missing object is an answer, not a fault), so they are logged where handled.
    logger: {
      debug: () => {},
      info: () => {},
      warn: (...what: unknown[]) => log.warn({ s3: what.map(String) }, 'object store'),
      error: () => {},
    },
  });
  return {
    async put(key, size, sha256, body) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: Readable.from(body, { objectMode: false }),
          ContentLength: size,
          ContentType: 'application/octet-stream',
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!answer.Body) return null;
        // Pulled a chunk at a time as the reader asks, so the socket waits for a slow browser
        // instead of the answer piling up in memory.
        return answer.Body instanceof Readable
          ? pulled(answer.Body)
          : answer.Body.transformToWebStream();
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}

function pulled(body: Readable): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else
          controller.enqueue(
            new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.length),
          );
      },
      cancel() {
        body.destroy();
      },
    },
    { highWaterMark: 1 },
  );
}

const stores = new Map<string, ObjectStore>();

/** The configured object store (one client per configuration), or null when none is set. */
export function objectStore(env: Env = readEnv()): ObjectStore | null {
  if (!env.S3_BUCKET) return null;
  const id = [env.S3_ENDPOINT, env.S3_REGION, env.S3_BUCKET, env.S3_ACCESS_KEY_ID].join('|');
  let store = stores.get(id);
  if (!store) stores.set(id, (store = s3ObjectStore(env)));
  return store;
}
