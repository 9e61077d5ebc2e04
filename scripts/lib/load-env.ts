import { createRequire } from 'node:module';

// @next/env is CommonJS whose names Node's ES module loader cannot see: required, typed as is.
const { loadEnvConfig } = createRequire(import.meta.url)('@next/env') as typeof import('@next/env');

/**
 * Every entry point (start, server, the command-line tasks) reads `.env` as the Next.js server
 * does, with the same library: `.env.<NODE_ENV>.local`, `.env.local` (not in tests),
 * `.env.<NODE_ENV>`, then `.env`; a variable already set in the environment wins over every file.
 * Imported first by each script, before anything reads a variable. See `.env.example`.
 */
loadEnvConfig(process.cwd(), process.argv.includes('--dev'), {
  info: () => {},
  error: console.error,
});

// Next.js sends anonymous usage data unless told not to: a ministry's servers send nothing out.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
