import type { EnvSource } from '@/lib/server/env';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * An extra, empty database for tests that must start from nothing: in-memory PGlite, or a new
 * database on the TEST_DATABASE_URL server. `vars` is an environment for createDatabase().
 */
export async function testDatabaseEnv(
  label: string,
): Promise<{ vars: EnvSource; drop: () => Promise<void> }> {
  const name = `kieumau_${label}_${randomBytes(5).toString('hex')}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { vars: { DATA_DIR: `memory://${name}` }, drop: async () => undefined };
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    vars: { DATABASE_URL: url.toString() },
    drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
