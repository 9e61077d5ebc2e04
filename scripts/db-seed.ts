import './lib/load-env';
import { getDatabase } from '@/lib/server/db';
import { readEnv } from '@/lib/server/env';
import { seed } from '@/prisma/seed';
import { runCli } from './cli';

// Demo data goes only into the embedded database, or where --demo asks for it: never
// silently into a real PostgreSQL.
await runCli(async () => {
  const demo = process.argv.includes('--demo') || !readEnv().DATABASE_URL;
  const database = getDatabase();
  const started = Date.now();
  const report = await seed(database.prisma, { demo });
  console.log(
    `SEEDED database=${database.kind} demo=${demo} reference_units=+${report.referenceUnits} criteria_sets=+${report.criteriaSets} ` +
      `targets=+${report.targets} demo_assessments=+${report.demoAssessments} ms=${Date.now() - started}`,
  );
});
