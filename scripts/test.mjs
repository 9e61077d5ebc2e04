// `npm test`: unit and integration tests (Vitest), then browser tests (Playwright) in Debian's
// Chromium. `npm test -- e2e` runs only the browser tests.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const onlyE2e = process.argv.includes('e2e');

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && fs.existsSync(p));
}

function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.log(
      "Chromium not found: installing Debian's chromium package (apt-get install -y chromium)…",
    );
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (update.status === 0 && install.status === 0) found = findChromium();
  }
  if (found) return found;
  console.error(
    [
      'Browser tests need Chromium, and none was found.',
      '  On Debian or Ubuntu:  sudo apt-get install -y chromium',
      '  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium',
      'Playwright cannot download its own browser on machines without internet access.',
    ].join('\n'),
  );
  process.exit(1);
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const bin = (name) => path.join('node_modules', '.bin', name);

if (!onlyE2e) run(bin('vitest'), ['run']);

const chromium = ensureChromium();
console.log(`Browser tests with ${execFileSync(chromium, ['--version']).toString().trim()}`);
const dataDir = path.join(os.tmpdir(), `kieumau-e2e-${process.pid}`);
fs.rmSync(dataDir, { recursive: true, force: true });
try {
  run(bin('playwright'), ['test'], { CHROMIUM_PATH: chromium, E2E_DATA_DIR: dataDir });
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
