// Runs `prisma generate` offline. Generating the client needs no engine, but the CLI looks for
// the schema engine binary first and tries to download it when absent, which fails without
// internet access. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that; we do
// so only when no engine is installed, so machines that have one keep using it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const enginesDir = path.resolve('node_modules/@prisma/engines');
const hasEngine =
  fs.existsSync(enginesDir) &&
  fs.readdirSync(enginesDir).some((f) => f.startsWith('schema-engine'));
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasEngine)
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
env.CHECKPOINT_DISABLE = '1';

const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
