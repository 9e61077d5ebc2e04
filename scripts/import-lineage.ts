import fs from 'node:fs';
import { importLineage } from '@/lib/data/lineage-imports';
import { parseLineage } from '@/lib/validations/unit-changes-import';
import { CliError, openMigratedDatabase, printProblems, readInputFile, runCli } from './cli';

// npm run import:lineage -- <file.csv> with the header old_code,new_code,effective_date[,designated]
await runCli(async () => {
  const file = process.argv[2];
  if (!file) throw new CliError('Usage: npm run import:lineage -- <file.csv>');
  if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
  const started = Date.now();
  const parsed = parseLineage(readInputFile(file));
  const database = parsed.ok ? await openMigratedDatabase() : null;
  const result = parsed.ok ? await importLineage(parsed.rows) : parsed;
  if (!result.ok) {
    printProblems(result.problems);
    throw new CliError(
      `${file}: nothing was imported. Fix the rows above and run the import again.`,
    );
  }
  console.log(
    `designations changed=${result.designationsChanged} database=${database?.kind} ms=${Date.now() - started}`,
  );
  console.log(
    `IMPORTED lineage=${result.created + result.unchanged} created=${result.created} unchanged=${result.unchanged}`,
  );
});
