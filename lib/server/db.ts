import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import type { PrismaClientOptions } from '@/lib/generated/prisma/internal/prismaNamespace';
import { readEnv, resolveDataDir, type EnvSource } from '@/lib/server/env';
import { DatabaseUnavailableError, lockDataDir } from '@/lib/server/data-dir-lock';

export type DatabaseKind = 'pglite' | 'postgres';

export interface SqlRunner {
  /** Runs a script of one or more statements, without parameters. */
  exec(sql: string): Promise<void>;
  query<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A SqlRunner over a driver's calls: `exec` runs a script, `query` one statement with parameters. */
function sqlRunner(
  exec: (text: string) => Promise<unknown>,
  query: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>,
): SqlRunner {
  return {
    exec: async (text) => {
      await exec(text);
    },
    query: async <T extends object>(text: string, params: unknown[] = []) =>
      (await query(text, params)).rows as T[],
  };
}

export interface SqlClient extends SqlRunner {
  readonly kind: DatabaseKind;
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

export interface Database {
  readonly kind: DatabaseKind;
  /** Where it lives: the data folder for PGlite, host:port/db for PostgreSQL (no password). */
  readonly location: string;
  readonly prisma: PrismaClient;
  readonly sql: SqlClient;
  /** PGlite only: the whole data folder as a gzipped tarball (a consistent snapshot). */
  dumpDataDir?(): Promise<Uint8Array>;
  /** PostgreSQL only: the connection pool now (for the metrics). */
  poolStats?(): { size: number; idle: number; waiting: number; max: number };
  close(): Promise<void>;
}

type AdapterFactory = Extract<PrismaClientOptions, { adapter: unknown }>['adapter'];

/** PostgreSQL's type id for bytea. */
const BYTEA = 17;

/**
 * Bytea to and from PGlite's text form ('\\x' and hex) with Node's native hex codec. PGlite's own
 * codec turns each byte into a string and back: 9 s to store a 20 MB scan and 1.7 s to read it
 * here, against 0.6 s and 0.2 s with these (the engine's own part is about 0.1 s).
 */
export const pgliteBytea = {
  serialize: (value: unknown): string => {
    if (!(value instanceof Uint8Array)) throw new Error('bytea takes a Uint8Array');
    return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  },
  parse: (text: string): Uint8Array => new Uint8Array(Buffer.from(text.slice(2), 'hex')),
};

/** Opens PGlite on first use, so importing this module (as `next build` does) touches no files. */
function createPglite(dataDir: string, loadDataDir?: Blob): Database {
  let opening: Promise<PGlite> | undefined;
  let releaseLock: (() => void) | undefined;
  const open = () => {
    opening ??= (async () => {
      if (!dataDir.startsWith('memory://')) releaseLock = lockDataDir(dataDir);
      try {
        const client = await PGlite.create(dataDir, {
          ...(loadDataDir ? { loadDataDir } : {}),
          serializers: { [BYTEA]: pgliteBytea.serialize },
          parsers: { [BYTEA]: pgliteBytea.parse },
        });
        return client;
      } catch (error) {
        releaseLock?.();
        throw new DatabaseUnavailableError(
          `The embedded database in ${dataDir} could not be opened (${errorText(error)}). ` +
            'If the folder is damaged, restore a backup with `npm run db:restore` or move the folder ' +
            'away to start with an empty database.',
        );
      }
    })();
    return opening;
  };

  const lazyFactory: AdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pglite',
    connect: async () => new PrismaPGlite(await open()).connect(),
    connectToShadowDb: async () => new PrismaPGlite(await open()).connectToShadowDb(),
  } as AdapterFactory;

  const runner = (client: Pick<PGlite, 'exec' | 'query'>) =>
    sqlRunner(
      (text) => client.exec(text),
      (text, params) => client.query(text, params),
    );

  const sql: SqlClient = {
    kind: 'pglite',
    exec: async (text) => runner(await open()).exec(text),
    query: async (text, params) => runner(await open()).query(text, params),
    transaction: async (fn) => (await open()).transaction((tx) => fn(runner(tx))),
  };

  const prisma = new PrismaClient({ adapter: lazyFactory });
  return {
    kind: 'pglite',
    location: dataDir,
    prisma,
    sql,
    async dumpDataDir() {
      const dump = await (await open()).dumpDataDir('gzip');
      return new Uint8Array(await dump.arrayBuffer());
    },
    async close() {
      await prisma.$disconnect();
      if (opening) {
        const client = await opening.catch(() => undefined);
        if (client && !client.closed) await client.close();
      }
      releaseLock?.();
      opening = undefined;
    },
  };
}

/**
 * Names for prepared statements: PostgreSQL then parses a statement once per connection rather
 * than on every call, and after a few runs may keep its plan. Only the first `limit` distinct
 * texts are named (later ones run unnamed), so no connection holds an unbounded set.
 */
export function statementNames(limit = 2_000) {
  const names = new Map<string, string>();
  return ({ sql }: { sql: string }): string => {
    let name = names.get(sql);
    if (name === undefined && names.size < limit) {
      name = `km_${createHash('sha1').update(sql).digest('base64url')}`;
      names.set(sql, name);
    }
    return name ?? ''; // '' runs unnamed
  };
}

function createPostgres(connectionString: string): Database {
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast while the server is down, so requests get a clear 503 rather than hang.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server (a restart) must not crash the process.
  pool.on('error', () => undefined);
  // Under a burst, a write waits its turn for a connection (up to 10 s) rather than failing
  // after Prisma's default 2 s.
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { statementNameGenerator: statementNames() }),
    transactionOptions: { maxWait: 10_000 },
  });

  // Without parameters pg sends a script whole (the simple protocol), so exec is a plain query.
  const runner = (client: pg.Pool | pg.PoolClient) =>
    sqlRunner(
      (text) => client.query(text),
      (text, params) => client.query(text, params),
    );

  const sql: SqlClient = {
    kind: 'postgres',
    ...runner(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(runner(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };

  const url = new URL(connectionString);
  return {
    kind: 'postgres',
    location: `${url.hostname}:${url.port || '5432'}${url.pathname}`,
    prisma,
    sql,
    poolStats: () => ({
      size: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max ?? 10,
    }),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Builds a database from the environment: PostgreSQL when DATABASE_URL is set, else PGlite. */
export function createDatabase(source: EnvSource = process.env): Database {
  const env = readEnv(source);
  return env.DATABASE_URL ? createPostgres(env.DATABASE_URL) : createPglite(resolveDataDir(env));
}

// One database per process, kept on globalThis so dev-mode module reloads reuse it.
const globalForDb = globalThis as unknown as { __kieuMauDb?: Database };

/** The process's database if it is open, without opening it (the metrics read its pool). */
export function openDatabase(): Database | undefined {
  return globalForDb.__kieuMauDb;
}

export function getDatabase(): Database {
  globalForDb.__kieuMauDb ??= createDatabase();
  return globalForDb.__kieuMauDb;
}

/**
 * Opens an embedded database as a copy of a dump (`Database.dumpDataDir`) and makes it the
 * process's database: tests start from a prepared copy rather than preparing it again.
 */
export function openDatabaseFromDump(dataDir: string, dump: Uint8Array): Database {
  const database = createPglite(dataDir, new Blob([dump as Uint8Array<ArrayBuffer>]));
  globalForDb.__kieuMauDb = database;
  return database;
}

/** Closes the process's database (scripts and tests); the next getDatabase() opens a new one. */
export async function closeDatabase(): Promise<void> {
  const current = globalForDb.__kieuMauDb;
  globalForDb.__kieuMauDb = undefined;
  await current?.close();
}

/** The Prisma client for lib/data. */
export function db(): PrismaClient {
  return getDatabase().prisma;
}

/** Turns a driver error into a sentence a person can act on. */
export function describeDatabaseError(error: unknown): string {
  if (error instanceof DatabaseUnavailableError) return error.message;
  const code = (error as { code?: string } | undefined)?.code;
  const text = errorText(error);
  if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(text))
    return `Cannot reach the PostgreSQL server (connection refused). Check DATABASE_URL and that the server is running.`;
  if (code === 'ENOTFOUND' || /ENOTFOUND|EAI_AGAIN/.test(text))
    return `Cannot resolve the PostgreSQL host in DATABASE_URL.`;
  if (code === '28P01') return 'PostgreSQL refused the user name or password in DATABASE_URL.';
  if (code === '3D000') return 'The database named in DATABASE_URL does not exist.';
  if (/timeout/i.test(text)) return 'The database did not answer in time.';
  return `Database error: ${text}`;
}

/** Migrations recorded as applied in `_prisma_migrations` (0 before the first one). */
export async function countAppliedMigrations(sql: SqlClient): Promise<number> {
  try {
    const rows = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return rows[0]?.n ?? 0;
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return 0; // no migration has run yet
    throw error;
  }
}

/**
 * Restores an embedded database from a dump into an empty folder (the caller moves the old one
 * aside first). Opening it with the dump writes the files; closing flushes them.
 */
export async function restorePgliteDataDir(dataDir: string, dump: Uint8Array): Promise<void> {
  const database = createPglite(dataDir, new Blob([dump as Uint8Array<ArrayBuffer>]));
  try {
    await database.sql.query('SELECT 1');
  } finally {
    await database.close();
  }
}
