import type { EnvSource } from '@/lib/server/env';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/lib/server/db';
import { testDatabaseEnv } from '@/tests/support/databases';
import { runScript } from '@/tests/support/run-script';
import {
  nationalUnitsCsv,
  nationalUnitsJson,
  referenceFile,
} from '@/tests/fixtures/national-units';

// The importers run as separate processes, as `npm run import:*` do, so this file uses a database
// on disk (or a PostgreSQL database) of its own rather than the in-memory one. The database is
// not migrated beforehand: the first import must set it up itself.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-import-'));
let env: EnvSource;
let drop: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    const t = await testDatabaseEnv('import');
    env = t.vars;
    drop = t.drop;
  } else env = { DATA_DIR: path.join(dir, 'data') };
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
  it('imports the national list from JSON into a database never migrated, and prints the totals last', async () => {
    const file = write('units.json', JSON.stringify(nationalUnitsJson()));
    const started = Date.now();
    const run = await runScript('import-units.ts', [file], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/applied \d+ pending migrations first/);
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

  it('corrects a unit’s name by code on re-import, without a new unit', async () => {
    const rename = (name: string) =>
      write(
        'rename.csv',
        `province_code,province_name,unit_code,unit_name,unit_type\n01,Thành phố Hà Nội,00004,${name},phuong\n`,
      );
    const run = await runScript('import-units.ts', [rename('Phường Ba Đình Mới')], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/created=0 updated=1/);
    const unit = await withDatabase((d) =>
      d.prisma.unit.findFirstOrThrow({ where: { code: '00004' } }),
    );
    expect(unit.fullName).toBe('Phường Ba Đình Mới');
    expect((await runScript('import-units.ts', [rename('Ba Đình')], env)).code).toBe(0);
    expect(await unitCount()).toBe(3321);
  });

  it('writes nothing when any row is bad, and names the row and field', async () => {
    const csv = [
      'province_code,province_name,unit_code,unit_name,unit_type',
      '38,Tỉnh Thanh Hóa,14800,Phường Mới,phuong',
      '38,Tỉnh Thanh Hóa,9999,Phường Hỏng,phuong',
      '38,Tỉnh Thanh Hóa,14801,Phường Lạ,town',
    ].join('\n');
    const run = await runScript('import-units.ts', [write('bad.csv', csv)], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 3 \[unit_code\]: unit_code must be 5 digits/);
    expect(run.stderr).toMatch(/line 4 \[unit_type\]: unit_type must be one of/);
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

  it('imports the 10,035 former units with --valid-to 2025-06-30', async () => {
    const run = await runScript(
      'import-units.ts',
      [referenceFile('units-former.csv'), '--valid-to', '2025-06-30'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.lastLine).toBe('IMPORTED provinces=63 units=10035');
    expect(await unitCount()).toBe(3321 + 10_035);
  });
});

describe('npm run import:lineage and import:unit-changes', () => {
  it('refuses the whole file when one code is unknown, naming the line', async () => {
    const file = write(
      'bad-lineage.csv',
      'old_code,new_code,effective_date\n16435,14797,2025-07-01\n88888,16417,2025-07-01\n',
    );
    const run = await runScript('import-lineage.ts', [file], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 3 \[old_code\]: no unit 88888 was in force on 2025-06-30/);
    expect(await withDatabase((d) => d.prisma.unitLineage.count())).toBe(0);
  });

  it('imports the full national lineage (63 provinces, 10,566 unit pairs); re-running changes nothing', async () => {
    const started = Date.now();
    const run = await runScript('import-lineage.ts', [referenceFile('lineage.csv')], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lastLine).toBe('IMPORTED lineage=10566 created=10566 unchanged=0');
    console.log(`import:lineage national file, whole command: ${Date.now() - started} ms`);
    const again = await runScript('import-lineage.ts', [referenceFile('lineage.csv')], env);
    expect(again.lastLine).toBe('IMPORTED lineage=10566 created=0 unchanged=10566');
    expect(again.stdout).toMatch(/designations changed=0/);
    const anHung = await withDatabase((d) =>
      d.prisma.unit.findFirstOrThrow({
        where: { code: '16435', validTo: { not: null } },
        include: { countsUnder: true, province: { include: { successor: true } } },
      }),
    );
    expect(anHung.countsUnder?.code).toBe('16417');
    expect(anHung.province.successor?.code).toBe('38');
  });

  it('takes the designated successor a lineage file names', async () => {
    const file = write(
      'designated.csv',
      'old_code,new_code,effective_date,designated\n16435,14797,2025-07-01,1\n16435,16417,2025-07-01,\n',
    );
    const run = await runScript('import-lineage.ts', [file], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/designations changed=1/);
    const anHung = await withDatabase((d) =>
      d.prisma.unit.findFirstOrThrow({
        where: { code: '16435', validTo: { not: null } },
        include: { countsUnder: true },
      }),
    );
    expect([anHung.countsUnder?.code, anHung.successorBasis]).toEqual(['14797', 'FILE']);
  });

  it('records type changes by date; re-running changes nothing', async () => {
    const run = await runScript(
      'import-unit-changes.ts',
      [referenceFile('unit-type-changes.csv')],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.lastLine).toBe('IMPORTED changes=10 created=10 unchanged=0');
    const again = await runScript(
      'import-unit-changes.ts',
      [referenceFile('unit-type-changes.csv')],
      env,
    );
    expect(again.lastLine).toBe('IMPORTED changes=10 created=0 unchanged=10');
  });

  it('links later changes between units of today and closes the old ones', async () => {
    // Two units in force today become part of a third from 2027-01-01.
    const file = write(
      'later.csv',
      'old_code,new_code,effective_date\n00008,00004,2027-01-01\n00025,00004,2027-01-01\n',
    );
    const run = await runScript('import-lineage.ts', [file], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lastLine).toBe('IMPORTED lineage=2 created=2 unchanged=0');
    const old = await withDatabase((d) =>
      d.prisma.unit.findFirstOrThrow({
        where: { code: '00008', validFrom: { not: null } },
        include: { countsUnder: true },
      }),
    );
    expect(old.validTo?.toISOString().slice(0, 10)).toBe('2026-12-31');
    expect([old.countsUnder?.code, old.successorBasis]).toEqual(['00004', 'SOLE']);
  });
});
