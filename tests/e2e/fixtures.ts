import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { baseURL as firstServer, serverCommand, ssoEnv } from '../../playwright.config';

/**
 * Browser tests run on several workers, and each worker has a server of its own on a fresh demo
 * database: the first worker uses the server Playwright's webServer started (after building the
 * app), the others start theirs on a free port. The tests of a file run in order on one
 * server, as a person's day would; files on different workers share nothing, so no test can see
 * another's accounts, sessions or dossiers change under it.
 */
/** A port nobody listens on now, from the system. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Waits until the server answers its health check; fails at once if it exits first. */
async function waitForHealth(url: string, server: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(
        `the test server for ${url} exited (${server.exitCode ?? server.signalCode})`,
      );
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the test server at ${url} did not start`);
}

export const test = base.extend<object, { workerServer: string }>({
  workerServer: [
    async ({}, provide, workerInfo) => {
      if (workerInfo.parallelIndex === 0) return provide(firstServer);
      const port = await freePort();
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kieumau-e2e-w${port}-`));
      const [command, ...args] = serverCommand;
      // Its own process group, so stopping it stops the Next.js server it starts as well.
      const server = spawn(command!, args, {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          PORT: String(port),
          DATABASE_URL: '',
          ...ssoEnv,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: true,
      });
      const url = `http://127.0.0.1:${port}`;
      try {
        await waitForHealth(url, server, Date.now() + 240_000);
        await provide(url);
      } finally {
        if (server.exitCode === null && server.signalCode === null) {
          const exited = once(server, 'exit');
          process.kill(-server.pid!, 'SIGTERM');
          await exited;
        }
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  baseURL: async ({ workerServer }, provide) => provide(workerServer),
});

export { expect } from '@playwright/test';
export type { APIRequestContext, Download, Locator, Page } from '@playwright/test';
