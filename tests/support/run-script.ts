import type { EnvSource } from '@/lib/env';
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
  lastLine: string;
}

/** Runs one of our command-line scripts the way `npm run` does, with its own environment. */
export function runScript(script: string, args: string[], env: EnvSource): Promise<ScriptRun> {
  const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _url, DATA_DIR: _dir, ...base } = process.env;
    const child = spawn(
      process.execPath,
      [tsx, '--conditions=react-server', path.join('scripts', script), ...args],
      {
        env: { ...base, ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout,
        stderr,
        lastLine: stdout.trim().split('\n').at(-1) ?? '',
      }),
    );
  });
}
