import './lib/load-env';
import { getDatabase } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrations';
import { runCli } from './cli';

await runCli(async () => {
  const database = getDatabase();
  const report = await applyMigrations(database.sql);
  for (const name of report.applied) console.log(`applied ${name}`);
  console.log(
    `MIGRATIONS database=${database.kind} applied=${report.applied.length} total=${report.total}`,
  );
});
