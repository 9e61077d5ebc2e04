import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrations';
import { seed } from '@/prisma/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of an embedded database, migrated, with the national units: see seedReference. */
    referenceTemplate: string | null;
  }
}

/**
 * Loads the national units once for the whole integration run, into an embedded database whose
 * dump each test file then opens as its own copy (tests/support/factories.ts, seedReference):
 * about 8 s of seeding per file saved. On PostgreSQL (TEST_DATABASE_URL) each file seeds its own.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('referenceTemplate', null);
    return;
  }
  const database = createDatabase({ DATA_DIR: 'memory://reference-template' });
  const file = path.join(os.tmpdir(), `kieumau-reference-${process.pid}.tgz`);
  try {
    await applyMigrations(database.sql);
    await seed(database.prisma, { demo: false });
    if (!database.dumpDataDir) throw new Error('the embedded database cannot be dumped');
    fs.writeFileSync(file, await database.dumpDataDir());
  } finally {
    await database.close();
  }
  project.provide('referenceTemplate', file);
  return () => fs.rmSync(file, { force: true });
}
