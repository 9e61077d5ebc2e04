import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * The app's log: one JSON line per event on standard output (time, level, message and fields),
 * for a collector to ship; readable lines instead when a person watches it in a terminal
 * (LOG_FORMAT=pretty, the default on a terminal). Secrets never reach it: the fields below are
 * removed wherever they appear, and callers log ids, never names of files, passwords, codes,
 * tokens or cookies.
 */

export const REDACTED_FIELDS = [
  'password',
  'code',
  'token',
  'cookie',
  'authorization',
  'secret',
  'fileName',
] as const;

/** A logger writing to `destination` (standard output by default), as configured. */
export function createLog(destination?: pino.DestinationStream): Logger {
  const format = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
      remove: true,
    },
  };
  // The readable form is a plain stream in this thread (no worker), so it also works inside the
  // Next.js server bundle.
  if (format === 'pretty')
    return pino(
      options,
      pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', sync: true, destination }),
    );
  return destination ? pino(options, destination) : pino(options);
}

// One logger per process, shared by the server script and the Next.js bundle that loads it again.
const holder = globalThis as typeof globalThis & { __kieumauLog?: Logger };
export const log: Logger = (holder.__kieumauLog ??= createLog());

/** An error as a log field: its class and message (a stack only at debug level). */
export function errorField(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  return {
    type: error.name,
    message: error.message,
    ...(log.isLevelEnabled('debug') && error.stack ? { stack: error.stack } : {}),
  };
}
