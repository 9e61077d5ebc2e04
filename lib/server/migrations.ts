import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { countAppliedMigrations, type SqlClient, type SqlRunner } from '@/lib/server/db';

/**
 * Applies prisma/migrations/<name>/migration.sql in order, each in its own transaction, and
 * records them in `_prisma_migrations` exactly as `prisma migrate deploy` would (same columns,
 * sha256 checksum of the file), so either tool can take over from the other.
 */

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  total: number;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export const defaultMigrationsDir = path.resolve(process.cwd(), 'prisma', 'migrations');

// Any constant works; it keeps two instances starting together from migrating at once.
const ADVISORY_LOCK_KEY = 726_451_202;

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export function readMigrations(dir: string = defaultMigrationsDir): MigrationFile[] {
  if (!fs.existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}.`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!fs.existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql.`);
      const sql = fs.readFileSync(file, 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function applyMigrations(
  sql: SqlClient,
  migrations: MigrationFile[] = readMigrations(),
): Promise<MigrationReport> {
  await sql.transaction(async (tx) => {
    await lockMigrations(sql, tx);
    await tx.exec(CREATE_TABLE);
  });
  const rows = await sql.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
  );
  const done = new Map<string, AppliedRow>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at)
      throw new MigrationError(
        `Migration ${row.migration_name} started but never finished. Inspect the database, ` +
          'then mark it rolled back or applied (`prisma migrate resolve`) before going on.',
      );
    done.set(row.migration_name, row);
  }
  for (const migration of migrations) {
    const row = done.get(migration.name);
    if (row && row.checksum !== migration.checksum)
      throw new MigrationError(
        `Migration ${migration.name} was edited after it was applied ` +
          `(checksum in database ${row.checksum.slice(0, 12)}…, on disk ${migration.checksum.slice(0, 12)}…). ` +
          'Applied migrations must not change: restore the file and add a new migration instead.',
      );
  }
  const applied: string[] = [];
  for (const migration of migrations.filter((m) => !done.has(m.name))) {
    if (await applyOne(sql, migration)) applied.push(migration.name);
  }
  return { applied, total: await countAppliedMigrations(sql) };
}

/** Held until the transaction ends; PGlite has a single connection and needs no lock. */
async function lockMigrations(sql: SqlClient, tx: SqlRunner): Promise<void> {
  if (sql.kind === 'postgres')
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCK_KEY]);
}

/** Applies one migration; false when another instance applied it while this one waited. */
async function applyOne(sql: SqlClient, migration: MigrationFile): Promise<boolean> {
  try {
    return await sql.transaction(async (tx) => {
      await lockMigrations(sql, tx);
      const already = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL',
        [migration.name],
      );
      if ((already[0]?.n ?? 0) > 0) return false;
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations"
           (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      return true;
    });
  } catch (error) {
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
