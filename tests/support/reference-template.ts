import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrations';
import { seed } from '@/prisma/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of an embedded database, migrated and empty: see integration-setup.ts. */
    migratedTemplate: string | null;
    /** A dump of an embedded database, migrated, with the national units: see seedReference. */
    referenceTemplate: string | null;
  }
}

/**
 * Prepares two embedded databases once for the whole integration run, whose dumps each test file
 * opens as its own copy: one just migrated (every file starts from it, integration-setup.ts:
 * opening a dump takes about 1.3 s where creating an embedded database, PostgreSQL's initdb in
 * WebAssembly, takes 3.5–5 s), and one with the national units as well (seedReference in
 * tests/support/factories.ts: about 8 s of seeding per file saved). On PostgreSQL
 * (TEST_DATABASE_URL) each file migrates and seeds its own.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('migratedTemplate', null);
    project.provide('referenceTemplate', null);
    return;
  }
  const database = createDatabase({ DATA_DIR: 'memory://reference-template' });
  const migrated = path.join(os.tmpdir(), `kieumau-migrated-${process.pid}.tgz`);
  const reference = path.join(os.tmpdir(), `kieumau-reference-${process.pid}.tgz`);
  try {
    if (!database.dumpDataDir) throw new Error('the embedded database cannot be dumped');
    await applyMigrations(database.sql);
    fs.writeFileSync(migrated, await database.dumpDataDir());
    await seed(database.prisma, { demo: false });
    fs.writeFileSync(reference, await database.dumpDataDir());
  } finally {
    await database.close();
  }
  project.provide('migratedTemplate', migrated);
  project.provide('referenceTemplate', reference);
  return () => {
    fs.rmSync(migrated, { force: true });
    fs.rmSync(reference, { force: true });
  };
}
