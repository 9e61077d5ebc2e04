import './lib/load-env';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getDatabase } from '@/lib/server/db';
import { readEnv } from '@/lib/server/env';
import { CliError, runCli } from './cli';

/**
 * npm run db:backup -- [file]
 *   embedded database: a gzipped tarball of the data folder (stop the app first: the folder is
 *   locked while it runs); PostgreSQL: pg_dump's custom format. Default file: backups/<date>.<ext>
 */
await runCli(async () => {
  const env = readEnv();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(
    process.argv[2] ??
      path.join('backups', `kieumau-${stamp}.${env.DATABASE_URL ? 'pgdump' : 'tar.gz'}`),
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (env.DATABASE_URL) {
    const run = spawnSync(
      'pg_dump',
      ['--format=custom', '--no-owner', '--file', file, env.DATABASE_URL],
      { stdio: ['ignore', 'inherit', 'pipe'] },
    );
    if (run.error)
      throw new CliError(
        'pg_dump was not found: install the PostgreSQL client tools (apt-get install postgresql-client).',
      );
    if (run.status !== 0) throw new CliError(`pg_dump failed: ${run.stderr.toString().trim()}`);
  } else {
    const database = getDatabase();
    fs.writeFileSync(file, await database.dumpDataDir!());
  }
  console.log(`BACKUP ${file} bytes=${fs.statSync(file).size}`);
});
