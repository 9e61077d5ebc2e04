import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema } from '@/lib/server/env';

/**
 * Every variable the app reads (lib/server/env.ts) is in `.env.example` and in
 * docs/configuration.md, so an operator never has to read the code to find a setting.
 */
const variables = Object.keys(envSchema.shape).filter((name) => name !== 'NODE_ENV');

describe('configuration is documented', () => {
  it.each([['.env.example'], ['docs/configuration.md']])('%s names every variable', (file) => {
    const text = fs.readFileSync(file, 'utf8');
    expect(variables.filter((name) => !new RegExp(`\\b${name}\\b`).test(text))).toEqual([]);
  });

  it('.env.example sets nothing by default: each line is a comment, so it is safe to copy', () => {
    const lines = fs.readFileSync('.env.example', 'utf8').split('\n');
    expect(lines.filter((l) => l.trim() !== '' && !l.startsWith('#'))).toEqual([]);
  });
});
