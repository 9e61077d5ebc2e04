import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, inject, vi } from 'vitest';
import { closeDatabase, getDatabase, openDatabaseFromDump } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrations';

/**
 * Every integration test file owns a fresh, migrated database: an in-memory PGlite by default
 * (a copy of the run's migrated template, tests/support/reference-template.ts), or, when
 * TEST_DATABASE_URL points at a PostgreSQL server, a new database on it that is dropped
 * afterwards.
 */

const serverUrl = process.env.TEST_DATABASE_URL;
const dbName = `kieumau_test_${randomBytes(6).toString('hex')}`;
const embeddedDir = `memory://${dbName}`;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Sessions are signed; with PostgreSQL the key must come from the environment, as in production.
process.env.NEXTAUTH_SECRET ??= randomBytes(48).toString('base64');

if (serverUrl) {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  process.env.DATABASE_URL = url.toString();
} else {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = embeddedDir;
}

// Before the test file is imported, so whatever it takes from getDatabase() is this copy.
const template = inject('migratedTemplate');
if (template) openDatabaseFromDump(embeddedDir, fs.readFileSync(template));

beforeAll(async () => {
  if (serverUrl) await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  // A no-op on the template (every migration recorded); the whole schema on PostgreSQL.
  await applyMigrations(getDatabase().sql);
});

afterAll(async () => {
  await closeDatabase();
  if (serverUrl) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
});

// Next.js request context, replaced for tests that call server actions and pages directly.
// The session cookie: what the browser would hold. The server-side session rows are real.
vi.mock('@/lib/auth/session-token', async () => {
  const { context } = await import('@/tests/support/action-context');
  return {
    readSessionClaims: async () => context.claims,
    writeSessionCookie: async (claims: { uid: number; sid: string }) => {
      context.claims = claims;
    },
    clearSessionCookie: async () => {
      context.claims = null;
    },
    readDeviceId: async (email: string) => context.devices.get(email.toLowerCase()) ?? null,
    writeDeviceCookie: async (email: string) => {
      const key = email.toLowerCase();
      if (!context.devices.has(key))
        context.devices.set(key, randomBytes(16).toString('base64url'));
    },
  };
});
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock('next-intl/server', async () => {
  const { translator } = await import('@/tests/support/action-context');
  return {
    getTranslations: async (ns?: string | { namespace?: string }) =>
      translator(typeof ns === 'string' ? ns : ns?.namespace),
    getLocale: async () => 'vi',
  };
});
