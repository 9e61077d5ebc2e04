import fs from 'node:fs';
import { getDatabase } from '@/lib/db';
import { importUnitList } from '@/lib/data/units';
import { parseUnitList } from '@/lib/validations/unit-import';
import { CliError, printProblems, readInputFile, runCli } from './cli';

// npm run import:units -- <file.json|file.csv> [--valid-from YYYY-MM-DD]
await runCli(async () => {
  const { file, validFrom } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const parsed = parseUnitList(readInputFile(file), file);
  if (!parsed.ok) {
    printProblems(parsed.problems);
    throw new CliError(
      `${file}: nothing was imported. Fix the rows above and run the import again.`,
    );
  }
  const database = getDatabase();
  const report = await importUnitList(parsed, validFrom);
  console.log(
    `units created=${report.createdUnits} updated=${report.updatedUnits} unchanged=${report.units - report.createdUnits - report.updatedUnits} ` +
      `database=${database.kind} ms=${Date.now() - started}`,
  );
  console.log(`IMPORTED provinces=${report.provinces} units=${report.units}`);
});

function parseArgs(args: string[]): { file: string; validFrom?: Date } {
  let file: string | undefined;
  let validFrom: Date | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--valid-from') {
      const value = args[++i] ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        throw new CliError('--valid-from takes a date written YYYY-MM-DD.');
      validFrom = new Date(`${value}T00:00:00.000Z`);
    } else if (!file) file = arg;
    else throw new CliError(`Unexpected argument: ${arg}`);
  }
  if (!file)
    throw new CliError(
      'Usage: npm run import:units -- <file.json|file.csv> [--valid-from YYYY-MM-DD]',
    );
  if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
  return { file, validFrom };
}
