import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(
      /^postgres(ql)?:\/\//,
      'DATABASE_URL must start with postgresql:// (or be unset to use the embedded database)',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof envSchema>;

/** Variables to read: process.env, or a plain object in tests and tools. */
export type EnvSource = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parsed on each call so tests and scripts that set variables first see them; it is cheap. */
export function readEnv(source: EnvSource = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Where the embedded database keeps its files; `memory://` keeps it in memory only. */
export function resolveDataDir(env: Env): string {
  if (env.DATA_DIR.startsWith('memory://')) return env.DATA_DIR;
  return path.resolve(env.DATA_DIR);
}
