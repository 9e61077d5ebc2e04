import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@/lib/server/db';
import {
  applyMigrations,
  checksumOf,
  MigrationError,
  readMigrations,
  type MigrationFile,
} from '@/lib/server/migrations';
import { testDatabaseEnv } from '@/tests/support/databases';

// A database of its own (not the file's shared one), so these tests start from nothing.
const env = await testDatabaseEnv('migrations');
const database = createDatabase(env.vars);
afterAll(async () => {
  await database.close();
  await env.drop();
});

const tables = async () =>
  (
    await database.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )
  ).map((r) => r.table_name);

describe('migration runner', () => {
  it('applies every migration to a fresh database and records it as Prisma does', async () => {
    const migrations = readMigrations();
    const report = await applyMigrations(database.sql, migrations);
    expect(report.applied).toEqual(migrations.map((m) => m.name));
    expect(report.total).toBe(migrations.length);
    expect(await tables()).toEqual(
      expect.arrayContaining(['_prisma_migrations', 'assessments', 'units', 'audit_events']),
    );
    const rows = await database.sql.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    // Prisma's checksum is the sha256 of migration.sql, as hex.
    const first = migrations[0]!;
    const onDisk = fs.readFileSync(
      path.join('prisma/migrations', first.name, 'migration.sql'),
      'utf8',
    );
    expect(rows[0]!.checksum).toBe(checksumOf(onDisk));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it('applies nothing when run again', async () => {
    const report = await applyMigrations(database.sql);
    expect(report.applied).toEqual([]);
  });

  it('refuses a migration edited after it was applied, and changes nothing', async () => {
    const edited: MigrationFile[] = readMigrations().map((m, i) =>
      i === 0
        ? { ...m, sql: `${m.sql}\n-- edited`, checksum: checksumOf(`${m.sql}\n-- edited`) }
        : m,
    );
    const before = await tables();
    await expect(applyMigrations(database.sql, edited)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(database.sql, edited)).rejects.toThrow(
      /was edited after it was applied/,
    );
    expect(await tables()).toEqual(before);
  });

  it('rolls a failing migration back whole, recording nothing', async () => {
    const broken: MigrationFile = {
      name: '29991231000000_broken',
      sql: 'CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";',
      checksum: checksumOf('x'),
    };
    await expect(applyMigrations(database.sql, [...readMigrations(), broken])).rejects.toThrow(
      /29991231000000_broken failed and was rolled back/,
    );
    expect(await tables()).not.toContain('half_done');
    const recorded = await database.sql.query(
      'SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1',
      [broken.name],
    );
    expect(recorded).toHaveLength(0);
  });

  it('reads migrations from a folder in name order, and refuses a folder without migration.sql', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-mig-'));
    fs.mkdirSync(path.join(dir, '20260102000000_b'));
    fs.writeFileSync(path.join(dir, '20260102000000_b', 'migration.sql'), 'SELECT 2;');
    fs.mkdirSync(path.join(dir, '20260101000000_a'));
    fs.writeFileSync(path.join(dir, '20260101000000_a', 'migration.sql'), 'SELECT 1;');
    expect(readMigrations(dir).map((m) => m.name)).toEqual([
      '20260101000000_a',
      '20260102000000_b',
    ]);
    fs.mkdirSync(path.join(dir, '20260103000000_c'));
    expect(() => readMigrations(dir)).toThrow(/has no migration.sql/);
  });
});

describe('evidence bytes cut into pieces (20261126000000_blob_chunks)', () => {
  it('moves bytes stored whole into ordered 1 MiB pieces that join back to the same bytes', async () => {
    const own = await testDatabaseEnv('migrations-blobs');
    const db2 = createDatabase(own.vars);
    try {
      const all = readMigrations();
      const at = all.findIndex((m) => m.name === '20261126000000_blob_chunks');
      await applyMigrations(db2.sql, all.slice(0, at));
      // 2.5 MiB with a different byte at each piece's start, and a tiny file.
      await db2.sql.query(`INSERT INTO blobs (sha256, size, mime_type, data) VALUES
        (repeat('a', 64), 2621440, 'application/pdf',
         decode(repeat('00', 1048576) || repeat('01', 1048576) || repeat('02', 524288), 'hex')),
        (repeat('b', 64), 3, 'image/png', '\\x414243'::bytea)`);
      await applyMigrations(db2.sql, all);
      const pieces = await db2.sql.query<{ sha256: string; seq: number; n: number; first: number }>(
        `SELECT sha256, seq, length(data)::int n, get_byte(data, 0) first FROM blob_chunks ORDER BY sha256, seq`,
      );
      expect(pieces.map((p) => [p.sha256[0], p.seq, p.n, p.first])).toEqual([
        ['a', 0, 1048576, 0],
        ['a', 1, 1048576, 1],
        ['a', 2, 524288, 2],
        ['b', 0, 3, 0x41],
      ]);
      const columns = await db2.sql.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'blobs'`,
      );
      expect(columns.map((c) => c.column_name)).not.toContain('data');
    } finally {
      await db2.close();
      await own.drop();
    }
  });
});

describe('the outbox keeps data (20261208000000_outbox_keeps_data)', () => {
  it('keeps the text of a mail already waiting, and ties it to its account', async () => {
    const own = await testDatabaseEnv('migrations-outbox');
    const db2 = createDatabase(own.vars);
    try {
      const all = readMigrations();
      const at = all.findIndex((m) => m.name === '20261208000000_outbox_keeps_data');
      await applyMigrations(db2.sql, all.slice(0, at));
      await db2.sql.query(`INSERT INTO users (email, name, password_hash, role, updated_at)
        VALUES ('cho@test.vn', 'Chờ', 'x', 'MINISTRY', now())`);
      await db2.sql.query(`INSERT INTO email_outbox (message_id, recipient, subject, body) VALUES
        ('<a@test>', 'cho@test.vn', 'Kiểu Mẫu: Hạn nộp', 'Hạn nộp hồ sơ năm 2026'),
        ('<b@test>', 'gone@test.vn', 'Kiểu Mẫu: Khác', 'Nội dung')`);
      await applyMigrations(db2.sql, all);
      const rows = await db2.sql.query<{ message_id: string; content: unknown; email: string }>(
        `SELECT o.message_id, o.content, u.email FROM email_outbox o
         LEFT JOIN users u ON u.id = o.user_id ORDER BY o.message_id`,
      );
      expect(rows).toEqual([
        {
          message_id: '<a@test>',
          content: { type: 'text', subject: 'Kiểu Mẫu: Hạn nộp', body: 'Hạn nộp hồ sơ năm 2026' },
          email: 'cho@test.vn',
        },
        {
          message_id: '<b@test>',
          content: { type: 'text', subject: 'Kiểu Mẫu: Khác', body: 'Nội dung' },
          email: null,
        },
      ]);
      // A language other than the two the app speaks cannot be stored.
      await expect(
        db2.sql.query(`UPDATE users SET locale = 'fr' WHERE email = 'cho@test.vn'`),
      ).rejects.toThrow();
    } finally {
      await db2.close();
      await own.drop();
    }
  });
});
