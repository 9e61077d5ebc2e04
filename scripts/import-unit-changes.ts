import fs from 'node:fs';
import { importTypeChanges } from '@/lib/data/unit-imports';
import { parseTypeChanges } from '@/lib/validations/unit-changes-import';
import { CliError, openMigratedDatabase, printProblems, readInputFile, runCli } from './cli';

// npm run import:unit-changes -- <file.csv> with the header unit_code,effective_date,from_type,to_type[,basis]
await runCli(async () => {
  const file = process.argv[2];
  if (!file) throw new CliError('Usage: npm run import:unit-changes -- <file.csv>');
  if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
  const parsed = parseTypeChanges(readInputFile(file));
  if (parsed.ok) await openMigratedDatabase();
  const result = parsed.ok ? await importTypeChanges(parsed.rows) : parsed;
  if (!result.ok) {
    printProblems(result.problems);
    throw new CliError(
      `${file}: nothing was imported. Fix the rows above and run the import again.`,
    );
  }
  console.log(
    `IMPORTED changes=${result.created + result.unchanged} created=${result.created} unchanged=${result.unchanged}`,
  );
});
