import type { EnvSource } from '@/lib/server/env';
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
  lastLine: string;
  /** 'SIGKILL' when the run was killed on `killOn`, or killed itself. */
  signal: NodeJS.Signals | null;
}

/**
 * Runs a TypeScript file in its own process, as `npm run` runs our scripts (tsx, react-server
 * conditions), with its own database environment. With `killOn`, the process (and tsx's child:
 * its own process group) is killed with SIGKILL as soon as its output contains that text, after
 * `killAfterMs`: a crash at a chosen moment.
 */
export function runTsx(
  file: string,
  args: string[],
  env: EnvSource,
  options: { killOn?: string; killAfterMs?: number } = {},
): Promise<ScriptRun> {
  const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _url, DATA_DIR: _dir, ...base } = process.env;
    const child = spawn(process.execPath, [tsx, '--conditions=react-server', file, ...args], {
      env: { ...base, ...env },
      detached: options.killOn !== undefined,
    });
    let stdout = '';
    let stderr = '';
    let killing = false;
    child.stdout.on('data', (d) => {
      stdout += d;
      if (options.killOn && !killing && stdout.includes(options.killOn)) {
        killing = true;
        setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // Gone already: the script killed itself first (a crash it stages on its own).
          }
        }, options.killAfterMs ?? 0);
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? -1,
        // tsx reports its script's death by a signal as its exit code, 128 + the signal's number.
        signal: signal ?? (code === 137 ? 'SIGKILL' : null),
        stdout,
        stderr,
        lastLine: stdout.trim().split('\n').at(-1) ?? '',
      }),
    );
  });
}

/** Runs one of our command-line scripts (scripts/<script>) the way `npm run` does. */
export function runScript(script: string, args: string[], env: EnvSource): Promise<ScriptRun> {
  return runTsx(path.join('scripts', script), args, env);
}
