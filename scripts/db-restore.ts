import './lib/load-env';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { restorePgliteDataDir } from '@/lib/server/db';
import { readEnv, resolveDataDir } from '@/lib/server/env';
import { CliError, runCli } from './cli';

/**
 * npm run db:restore -- <file>
 *   embedded database: the current data folder is kept aside as <folder>.before-restore-<date>,
 *   then the backup is unpacked in its place (stop the app first); PostgreSQL: pg_restore
 *   --clean into DATABASE_URL.
 */
await runCli(async () => {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file))
    throw new CliError('Usage: npm run db:restore -- <backup file>');
  const env = readEnv();
  if (env.DATABASE_URL) {
    const run = spawnSync(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--single-transaction',
        '--dbname',
        env.DATABASE_URL,
        file,
      ],
      {
        stdio: ['ignore', 'inherit', 'pipe'],
      },
    );
    if (run.error)
      throw new CliError(
        'pg_restore was not found: install the PostgreSQL client tools (apt-get install postgresql-client).',
      );
    if (run.status !== 0) throw new CliError(`pg_restore failed: ${run.stderr.toString().trim()}`);
  } else {
    const dir = resolveDataDir(env);
    const lock = `${dir}/kieumau.lock`;
    if (fs.existsSync(lock)) {
      const pid = Number(fs.readFileSync(lock, 'utf8'));
      try {
        process.kill(pid, 0);
        throw new CliError(
          `The embedded database is in use by process ${pid}: stop the app before restoring.`,
        );
      } catch (error) {
        if (error instanceof CliError) throw error;
      }
    }
    if (fs.existsSync(dir))
      fs.renameSync(dir, `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    await restorePgliteDataDir(dir, new Uint8Array(fs.readFileSync(file)));
  }
  console.log(`RESTORED ${file}`);
});
