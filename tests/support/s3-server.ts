import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error s3rver ships no types; its constructor, run() and close() are used here.
import S3rver from 's3rver';

/** The bucket the tests' object store keeps evidence in. */
export const TEST_BUCKET = 'kieumau-evidence';

/**
 * A real S3-protocol server (s3rver, files in a temporary folder) on a loopback port, and the
 * variables that point the app at it. s3rver checks request signatures against its own keys.
 */
export async function startS3Server(): Promise<{
  env: Record<string, string>;
  directory: string;
  stop: () => Promise<void>;
}> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'km-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: TEST_BUCKET }],
  });
  const { port } = (await server.run()) as { port: number };
  return {
    directory,
    env: {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: TEST_BUCKET,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
