import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Every entry point reads `.env` as the Next.js server does (scripts/lib/load-env.ts, imported
 * first by start, server and each command-line task): the files in Next's order, and a variable
 * set in the environment wins over every file. Run here in a folder of its own, as an operator's
 * installation would be.
 */

const root = process.cwd();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kieumau-env-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** What a script started in `folder` sees of `names`, with `env` set and `args` given. */
function seen(names: string[], env: Record<string, string> = {}, args: string[] = []) {
  const probe = path.join(folder, 'probe.mts');
  fs.writeFileSync(
    probe,
    `await import(${JSON.stringify(path.join(root, 'scripts/lib/load-env.ts'))});
console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, process.env[n] ?? null]))));`,
  );
  const out = execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), probe, ...args],
    {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, string | null>;
}

describe('.env files', () => {
  it('are read in Next’s order: .env.local over .env.production over .env; the environment wins', () => {
    fs.writeFileSync(
      path.join(folder, '.env'),
      'PORT=3100\nMAIL_FROM="Kiểu Mẫu <no-reply@bo.gov.vn>"\nEVIDENCE_MAX_MB=30\nSMTP_URL=smtp://a@b:25\n',
    );
    fs.writeFileSync(path.join(folder, '.env.production'), 'EVIDENCE_MAX_MB=40\n');
    fs.writeFileSync(path.join(folder, '.env.local'), 'SMTP_URL=smtp://local:25\n');
    expect(seen(['PORT', 'MAIL_FROM', 'EVIDENCE_MAX_MB', 'SMTP_URL'])).toEqual({
      PORT: '3100',
      MAIL_FROM: 'Kiểu Mẫu <no-reply@bo.gov.vn>',
      EVIDENCE_MAX_MB: '40',
      SMTP_URL: 'smtp://local:25',
    });
    expect(seen(['PORT', 'SMTP_URL'], { PORT: '4000', SMTP_URL: '' })).toEqual({
      PORT: '4000',
      SMTP_URL: '',
    });
  });

  it('`--dev` (npm run dev) reads .env.development instead of .env.production', () => {
    fs.writeFileSync(path.join(folder, '.env.development'), 'EVIDENCE_MAX_MB=50\n');
    expect(seen(['EVIDENCE_MAX_MB'], { NODE_ENV: 'development' }, ['--dev'])).toEqual({
      EVIDENCE_MAX_MB: '50',
    });
  });

  it('every script an operator runs loads it before anything else', () => {
    const entries = ['start', 'server', 'db-migrate', 'db-seed', 'db-backup', 'db-restore'];
    for (const entry of [
      ...entries,
      'admin-create',
      'demo-end',
      'import-units',
      'import-lineage',
      'import-unit-changes',
    ]) {
      const source = fs.readFileSync(path.join(root, 'scripts', `${entry}.ts`), 'utf8');
      const firstImport = source.match(/^import .*$/m)?.[0];
      expect(firstImport, entry).toBe("import './lib/load-env';");
    }
  });
});
