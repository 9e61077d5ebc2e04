import type { EnvSource } from '@/lib/env';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/lib/db';
import { testDatabaseEnv } from '@/tests/support/databases';
import { runScript } from '@/tests/support/run-script';
import { nationalUnitsCsv, nationalUnitsJson } from '@/tests/fixtures/national-units';

// The importer runs as a separate process, as `npm run import:units` does, so this file uses a
// database on disk (or a PostgreSQL database) of its own rather than the in-memory one.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-import-'));
let env: EnvSource;
let drop: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    const t = await testDatabaseEnv('import');
    env = t.vars;
    drop = t.drop;
  } else env = { DATA_DIR: path.join(dir, 'data') };
  const migrated = await runScript('db-migrate.ts', [], env);
  expect(migrated.code, migrated.stderr).toBe(0);
});

afterAll(async () => {
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string | Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

async function withDatabase<T>(fn: (d: Database) => Promise<T>): Promise<T> {
  const database = createDatabase(env);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const unitCount = () => withDatabase((d) => d.prisma.unit.count());

describe('npm run import:units', () => {
  it('imports the full national list from JSON and prints the totals last', async () => {
    const file = write('units.json', JSON.stringify(nationalUnitsJson()));
    const started = Date.now();
    const run = await runScript('import-units.ts', [file], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lastLine).toBe('IMPORTED provinces=34 units=3321');
    console.log(`import:units national JSON, whole command: ${Date.now() - started} ms`);
    const counts = await withDatabase(async (d) => ({
      units: await d.prisma.unit.count(),
      phuong: await d.prisma.unit.count({ where: { type: 'PHUONG' } }),
      provinces: await d.prisma.province.count({ where: { validTo: null } }),
    }));
    expect(counts).toEqual({ units: 3321, phuong: 697, provinces: 34 });
  });

  it('re-imports the same list from CSV without creating or changing anything', async () => {
    const file = write('units.csv', nationalUnitsCsv());
    const run = await runScript('import-units.ts', [file], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/units created=0 updated=0 unchanged=3321/);
    expect(run.lastLine).toBe('IMPORTED provinces=34 units=3321');
    expect(await unitCount()).toBe(3321);
  });

  it('renames a unit by code on re-import', async () => {
    const file = write(
      'rename.csv',
      'province_code,province_name,unit_code,unit_name,unit_type\n01,Thành phố Hà Nội,00001,Phường Hoàn Kiếm,phuong\n',
    );
    const run = await runScript('import-units.ts', [file], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/created=0 updated=1/);
    const unit = await withDatabase((d) =>
      d.prisma.unit.findFirstOrThrow({ where: { code: '00001' } }),
    );
    expect(unit.fullName).toBe('Phường Hoàn Kiếm');
  });

  it('writes nothing when any row is bad, and names the row and field', async () => {
    const csv = [
      'province_code,province_name,unit_code,unit_name,unit_type',
      '38,Tỉnh Thanh Hóa,99990,Phường Mới,phuong',
      '38,Tỉnh Thanh Hóa,9999,Phường Hỏng,phuong',
    ].join('\n');
    const run = await runScript('import-units.ts', [write('bad.csv', csv)], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 3 \[unit_code\]: unit_code must be 5 digits/);
    expect(run.stderr).toMatch(/nothing was imported/);
    expect(await unitCount()).toBe(3321);
  });

  it('refuses a missing file and a non-UTF-8 file with a clear message', async () => {
    const missing = await runScript('import-units.ts', [path.join(dir, 'nope.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No such file/);
    const latin1 = write(
      'latin1.csv',
      Buffer.from(
        'province_code,province_name,unit_code,unit_name,unit_type\n38,T\xecnh,14800,A,phuong\n',
        'latin1',
      ),
    );
    const run = await runScript('import-units.ts', [latin1], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not UTF-8/);
  });
});

describe('npm run import:lineage', () => {
  it('links old units to new ones and closes the old ones; re-running is safe', async () => {
    // Two units in force today become the predecessors of a third from 2026-01-01.
    const file = write(
      'lineage.csv',
      'old_code,new_code,effective_date\n00002,00004,2026-01-01\n00003,00004,2026-01-01\n',
    );
    const run = await runScript('import-lineage.ts', [file], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lastLine).toBe('IMPORTED lineage=2 created=2 unchanged=0');
    const again = await runScript('import-lineage.ts', [file], env);
    expect(again.lastLine).toBe('IMPORTED lineage=2 created=0 unchanged=2');
    const old = await withDatabase((d) =>
      d.prisma.unit.findFirstOrThrow({
        where: { code: '00002' },
        include: { successors: { include: { newUnit: true } } },
      }),
    );
    expect(old.validTo?.toISOString().slice(0, 10)).toBe('2025-12-31');
    expect(old.successors.map((s) => s.newUnit.code)).toEqual(['00004']);
  });

  it('writes nothing when a code is unknown', async () => {
    const before = await withDatabase((d) => d.prisma.unitLineage.count());
    const file = write(
      'bad-lineage.csv',
      'old_code,new_code,effective_date\n00005,00006,2026-01-01\n88888,00006,2026-01-01\n',
    );
    const run = await runScript('import-lineage.ts', [file], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 3 \[old_code\]: no unit 88888/);
    expect(await withDatabase((d) => d.prisma.unitLineage.count())).toBe(before);
  });
});
