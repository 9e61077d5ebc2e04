import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/**
 * The server a benchmark starts, and what /proc tells of it (Linux): its processes, memory and
 * CPU.
 */

/**
 * Starts the built app as `npm start` runs it (scripts/server.ts, production) on `port`, with
 * `env` over this process's environment, and waits until it answers /api/health (60 s at most).
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
): Promise<ChildProcess> {
  const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i += 1) {
    if ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return app;
}

/** A process and its descendants (on PostgreSQL the server forks a worker per core). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(statFields(Number(entry))[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const all: number[] = [];
  for (const todo = [pid]; todo.length;) {
    const p = todo.pop()!;
    all.push(p);
    todo.push(...(children.get(p) ?? []));
  }
  return all;
}

/** The fields of /proc/<pid>/stat after the command name (state, ppid, …). */
function statFields(pid: number): string[] {
  return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
}

/** A memory figure of /proc/<pid>/status in kB (0 once the process is gone). */
export function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** CPU time (user and system) the processes have used so far, in milliseconds. */
export function cpuMs(pids: number[]): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  return pids.reduce((sum, pid) => {
    try {
      const f = statFields(pid);
      return sum + (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      return sum;
    }
  }, 0);
}
