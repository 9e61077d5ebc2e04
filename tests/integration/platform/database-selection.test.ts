import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase, db, getDatabase, statementNames } from '@/lib/server/db';
import { DatabaseUnavailableError } from '@/lib/server/data-dir-lock';
import { ConfigError } from '@/lib/server/env';

describe('choosing the database from the environment', () => {
  it('uses PostgreSQL when DATABASE_URL is set, and connects lazily', async () => {
    const database = createDatabase({ DATABASE_URL: 'postgresql://u:p@db.example:6543/kieumau' });
    expect(database.kind).toBe('postgres');
    expect(database.location).toBe('db.example:6543/kieumau');
    await database.close();
  });

  it('uses the embedded PGlite in DATA_DIR otherwise, .data by default', async () => {
    const database = createDatabase({ DATA_DIR: '/tmp/somewhere' });
    expect(database.kind).toBe('pglite');
    expect(database.location).toBe('/tmp/somewhere');
    expect(createDatabase({}).location).toBe(path.resolve('.data'));
    expect(createDatabase({ DATABASE_URL: '' }).kind).toBe('pglite');
    await database.close();
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, with a clear message', () => {
    expect(() => createDatabase({ DATABASE_URL: 'mysql://localhost/x' })).toThrow(ConfigError);
    expect(() => createDatabase({ DATABASE_URL: 'mysql://localhost/x' })).toThrow(
      /must start with postgresql:\/\//,
    );
  });
});

describe('the embedded data folder', () => {
  it('refuses a folder held by another live process, naming it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-lock-'));
    // The parent of this test process is alive for the whole test.
    fs.writeFileSync(path.join(dir, 'kieumau.lock'), String(process.ppid));
    const database = createDatabase({ DATA_DIR: dir });
    const attempt = database.sql.query('SELECT 1');
    await expect(attempt).rejects.toThrow(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`in use by another process \\(pid ${process.ppid}\\)`),
    );
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes over a stale lock, and releases its own on close', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-lock-'));
    fs.writeFileSync(path.join(dir, 'kieumau.lock'), '2147483646'); // no such process
    const database = createDatabase({ DATA_DIR: dir });
    expect(await database.sql.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(fs.readFileSync(path.join(dir, 'kieumau.lock'), 'utf8')).toBe(String(process.pid));
    await database.close();
    expect(fs.existsSync(path.join(dir, 'kieumau.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('explains a damaged folder instead of crashing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-corrupt-'));
    const first = createDatabase({ DATA_DIR: dir });
    await first.sql.query('SELECT 1');
    await first.close();
    fs.writeFileSync(path.join(dir, 'global', 'pg_control'), 'not a control file');
    const damaged = createDatabase({ DATA_DIR: dir });
    await expect(damaged.sql.query('SELECT 1')).rejects.toThrow(
      /could not be opened.*restore a backup/s,
    );
    await damaged.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('starting against an unreachable PostgreSQL', () => {
  it('prints one clear sentence and exits 1, not a stack trace', async () => {
    const { runScript } = await import('@/tests/support/run-script');
    const run = await runScript('db-migrate.ts', [], {
      DATABASE_URL: 'postgresql://u:p@127.0.0.1:9/none',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'ERROR: Cannot reach the PostgreSQL server (connection refused). Check DATABASE_URL and that the server is running.',
    );
  });
});

describe('prepared statements on PostgreSQL', () => {
  it('names each distinct query once, and runs queries past the limit unnamed', () => {
    const name = statementNames(2);
    const first = name({ sql: 'SELECT 1' });
    expect(first).toMatch(/^km_[\w-]+$/);
    expect(name({ sql: 'SELECT 1' })).toBe(first);
    const second = name({ sql: 'SELECT 2' });
    expect(second).toMatch(/^km_/);
    expect(second).not.toBe(first);
    expect(name({ sql: 'SELECT 3' })).toBe('');
    expect(name({ sql: 'SELECT 2' })).toBe(second);
  });

  it("keeps the app's queries prepared on the connection that ran them", async () => {
    const prepared = await db().$transaction(async (tx) => {
      await tx.province.findMany({ where: { validTo: null }, select: { code: true } });
      await tx.province.findMany({ where: { validTo: null }, select: { code: true } });
      const [row] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'km\\_%'`;
      return row!.n;
    });
    // The embedded database's adapter prepares nothing by name; PostgreSQL's keeps them.
    if (getDatabase().kind === 'postgres') expect(prepared).toBeGreaterThan(0);
    else expect(prepared).toBe(0);
  });
});
