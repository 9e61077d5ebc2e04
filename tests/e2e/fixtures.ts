import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { baseURL as firstServer, serverCommand } from '../../playwright.config';

/**
 * Browser tests run on several workers, and each worker has a server of its own on a fresh demo
 * database: the first worker uses the server Playwright's webServer started (after building the
 * app), the others start theirs on the next ports. The tests of a file run in order on one
 * server, as a person's day would; files on different workers share nothing, so no test can see
 * another's accounts, sessions or dossiers change under it.
 */
async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
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
      const port = new URL(firstServer).port;
      const ownPort = Number(port) + workerInfo.parallelIndex;
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kieumau-e2e-w${ownPort}-`));
      const [command, ...args] = serverCommand;
      const server = spawn(command!, args, {
        env: { ...process.env, DATA_DIR: dataDir, PORT: String(ownPort), DATABASE_URL: '' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const url = firstServer.replace(`:${port}`, `:${ownPort}`);
      try {
        await waitForHealth(url, Date.now() + 240_000);
        await provide(url);
      } finally {
        server.kill('SIGTERM');
        if (server.exitCode === null) await once(server, 'exit');
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  baseURL: async ({ workerServer }, provide) => provide(workerServer),
});

export { expect } from '@playwright/test';
export type { APIRequestContext, Download, Locator, Page } from '@playwright/test';
