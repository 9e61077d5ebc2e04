import './lib/load-env';
import { systemActor } from '@/lib/data/audit';
import { checkEvidence, moveEvidence } from '@/lib/data/evidence/move';
import { getDatabase } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrations';
import { CliError, runCli } from './cli';

// `npm run evidence:move -- --to s3` (or `--to database`): carries every evidence file to the
// other store, checking each one's sha256 as it is read, written and read back.
// `npm run evidence:check`: reads every file back from where it is and checks its sha256.
// (docs/operations.md, "Evidence storage"). The app may keep running meanwhile.
await runCli(async () => {
  await applyMigrations(getDatabase().sql);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const report = (failed: { sha256: string; error: string }[]) => {
    for (const failure of failed) console.error(`FAILED ${failure.sha256}: ${failure.error}`);
  };
  if (process.argv.includes('--check')) {
    const outcome = await checkEvidence();
    report(outcome.failed);
    console.log(
      `EVIDENCE CHECKED files=${outcome.checked} bytes=${outcome.bytes} failed=${outcome.failed.length} seconds=${seconds()}`,
    );
    if (outcome.failed.length > 0)
      throw new CliError(`${outcome.failed.length} files are missing or do not match their hash`);
    return;
  }
  const at = process.argv.indexOf('--to');
  const target = at > 0 ? process.argv[at + 1] : undefined;
  if (target !== 's3' && target !== 'database')
    throw new CliError('Say where to: npm run evidence:move -- --to s3 (or --to database)');
  const summary = await moveEvidence(
    systemActor('cli:evidence:move'),
    target === 's3' ? 'S3' : 'DATABASE',
    (done) => {
      if (done % 100 === 0) console.log(`… ${done} files moved`);
    },
  );
  report(summary.failed);
  console.log(
    `EVIDENCE MOVED to=${target} files=${summary.moved} bytes=${summary.bytes} failed=${summary.failed.length} left=${summary.left} seconds=${seconds()}`,
  );
  if (summary.failed.length > 0)
    throw new CliError(`${summary.failed.length} files were not moved; run the command again`);
});
