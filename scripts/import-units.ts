import './lib/load-env';
import fs from 'node:fs';
import { CURRENT_PERIOD, importUnitList } from '@/lib/data/units/unit-imports';
import { dateOf } from '@/lib/domain/units';
import { parseUnitList } from '@/lib/validations/unit-import';
import {
  CliError,
  openMigratedDatabase,
  optionValue,
  printProblems,
  readInputFile,
  runCli,
} from './cli';

const usage =
  'Usage: npm run import:units -- <file.json|file.csv> [--valid-from YYYY-MM-DD] [--valid-to YYYY-MM-DD]';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Today's units by default; --valid-to imports a list of former units that ended on that day.
await runCli(async () => {
  const args = process.argv.slice(2);
  const validFrom = optionValue(args, '--valid-from', DATE, 'a date written YYYY-MM-DD');
  const validTo = optionValue(args, '--valid-to', DATE, 'a date written YYYY-MM-DD');
  const [file, extra] = args;
  if (!file) throw new CliError(usage);
  if (extra) throw new CliError(`Unexpected argument: ${extra}`);
  if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
  const started = Date.now();
  const parsed = parseUnitList(readInputFile(file), file);
  if (!parsed.ok) {
    printProblems(parsed.problems);
    throw new CliError(
      `${file}: nothing was imported. Fix the rows above and run the import again.`,
    );
  }
  const database = await openMigratedDatabase();
  const report = await importUnitList(parsed, {
    validFrom: validFrom ? dateOf(validFrom) : validTo ? null : CURRENT_PERIOD.validFrom,
    validTo: validTo ? dateOf(validTo) : null,
  });
  console.log(
    `units created=${report.createdUnits} updated=${report.updatedUnits} unchanged=${report.units - report.createdUnits - report.updatedUnits} ` +
      `database=${database.kind} ms=${Date.now() - started}`,
  );
  console.log(`IMPORTED provinces=${report.provinces} units=${report.units}`);
});
