import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@/lib/server/db';
import type { EnvSource } from '@/lib/server/env';
import { testDatabaseEnv } from '@/tests/support/databases';
import { runScript } from '@/tests/support/run-script';

// The commands run as separate processes, on a database of their own (a folder, or a PostgreSQL database).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-backup-'));
let env: EnvSource;
let drop: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    const t = await testDatabaseEnv('backup');
    env = { ...t.vars, NEXTAUTH_SECRET: 'x'.repeat(40) };
    drop = t.drop;
  } else env = { DATA_DIR: path.join(dir, 'data') };
  expect((await runScript('db-migrate.ts', [], env)).code).toBe(0);
  expect((await runScript('db-seed.ts', [], env)).code).toBe(0);
}, 180_000);

afterAll(async () => {
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function counts() {
  const database = createDatabase(env);
  try {
    return {
      users: await database.prisma.user.count(),
      audit: await database.prisma.auditEvent.count(),
      provinces: await database.prisma.province.count(),
    };
  } finally {
    await database.close();
  }
}

describe('npm run db:backup / db:restore', () => {
  it('round-trips: what was there at backup time is back after restore', async () => {
    const before = await counts();
    const file = path.join(dir, process.env.TEST_DATABASE_URL ? 'b.pgdump' : 'b.tar.gz');
    const backup = await runScript('db-backup.ts', [file], env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.lastLine).toMatch(/^BACKUP .* bytes=\d+$/);

    // Change the database after the backup.
    const database = createDatabase(env);
    await database.prisma.user.create({
      data: { email: 'after-backup@test.vn', name: 'x', role: 'VIEWER', passwordHash: 'x' },
    });
    await database.close();
    expect((await counts()).users).toBe(before.users + 1);

    const restore = await runScript('db-restore.ts', [file], env);
    expect(restore.code, restore.stderr).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
