import fs from 'node:fs';
import { closeDatabase, describeDatabaseError, getDatabase, type Database } from '@/lib/server/db';
import { DatabaseUnavailableError } from '@/lib/server/data-dir-lock';
import { DemoRefused } from '@/lib/data/settings';
import { ConfigError } from '@/lib/server/env';
import { applyMigrations, MigrationError } from '@/lib/server/migrations';
import type { ImportProblem } from '@/lib/validations/unit-import';

/** Runs a command-line task: clear one-line errors instead of stack traces, and a closed database. */
export async function runCli(task: () => Promise<void>): Promise<void> {
  let code = 0;
  try {
    await task();
  } catch (error) {
    code = 1;
    if (
      error instanceof CliError ||
      error instanceof ConfigError ||
      error instanceof DemoRefused ||
      error instanceof MigrationError
    ) {
      console.error(`ERROR: ${error.message}`);
    } else if (error instanceof DatabaseUnavailableError || isDriverError(error)) {
      console.error(`ERROR: ${describeDatabaseError(error)}`);
    } else {
      console.error(error);
    }
  } finally {
    await closeDatabase().catch(() => undefined);
  }
  process.exit(code);
}

/** An error whose message is meant for the person at the terminal. */
export class CliError extends Error {
  override name = 'CliError';
}

function isDriverError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(E[A-Z]+|[0-9A-Z]{5})$/.test(code);
}

export function readInputFile(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

export function printProblems(problems: ImportProblem[], limit = 50): void {
  for (const p of problems.slice(0, limit))
    console.error(`  ${p.row}${p.field ? ` [${p.field}]` : ''}: ${p.message}`);
  if (problems.length > limit) console.error(`  …and ${problems.length - limit} more.`);
}

/**
 * The database of this process, migrated first: a command run against a new database sets it up
 * instead of failing on a missing table.
 */
export async function openMigratedDatabase(): Promise<Database> {
  const database = getDatabase();
  const report = await applyMigrations(database.sql);
  if (report.applied.length > 0)
    console.log(
      `Database ${database.kind}: applied ${report.applied.length} pending migrations first.`,
    );
  return database;
}

/** Reads `--name value` from the arguments, checking it against `pattern`. */
export function optionValue(args: string[], name: string, pattern: RegExp, hint: string) {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1] ?? '';
  if (!pattern.test(value)) throw new CliError(`${name} takes ${hint}.`);
  args.splice(i, 2);
  return value;
}

/**
 * The shape of a file import command: one file named on the command line, parsed whole, applied
 * only when every row is good (else the problems and nothing written), then `report` printed.
 */
export async function runFileImport<Rows, Result extends { ok: true }>(
  usage: string,
  parse: (bytes: Uint8Array) => { ok: true; rows: Rows } | { ok: false; problems: ImportProblem[] },
  apply: (rows: Rows) => Promise<Result | { ok: false; problems: ImportProblem[] }>,
  report: (result: Result, database: Database) => string[],
): Promise<void> {
  await runCli(async () => {
    const file = process.argv[2];
    if (!file) throw new CliError(usage);
    if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
    const parsed = parse(readInputFile(file));
    const database = parsed.ok ? await openMigratedDatabase() : null;
    const result = parsed.ok ? await apply(parsed.rows) : parsed;
    if (!result.ok) {
      printProblems(result.problems);
      throw new CliError(
        `${file}: nothing was imported. Fix the rows above and run the import again.`,
      );
    }
    for (const line of report(result, database!)) console.log(line);
  });
}
