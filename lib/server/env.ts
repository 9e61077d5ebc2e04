import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies } from '../domain/proxies';

export const envSchema = z
  .object({
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
    NEXTAUTH_SECRET: z
      .string()
      .min(32, 'NEXTAUTH_SECRET must be at least 32 characters')
      .optional(),
    NEXTAUTH_URL: z
      .url()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    SESSION_IDLE_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(8),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    TRUSTED_PROXIES: z
      .string()
      .trim()
      .default('')
      .superRefine((value, ctx) => {
        try {
          parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }),
    EVIDENCE_MAX_MB: z.coerce.number().positive().max(90).default(20),
    /** Where new evidence bytes go: the database, or an S3-compatible object store (S3_*). */
    EVIDENCE_STORE: z.enum(['database', 's3']).default('database'),
    /** The object store: its address (MinIO, Ceph RGW; unset: AWS), bucket, key prefix, keys. */
    S3_ENDPOINT: z
      .url()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    S3_REGION: z.string().trim().min(1).default('us-east-1'),
    S3_BUCKET: z.string().trim().min(3).optional(),
    S3_PREFIX: z.string().trim().default('evidence/'),
    S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Addresses as host/bucket/key (MinIO, Ceph RGW) rather than bucket.host/key. */
    S3_FORCE_PATH_STYLE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    /** Outgoing mail (smtp:// or smtps://, user and password in the URL); unset: no e-mail. */
    SMTP_URL: z
      .string()
      .trim()
      .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    MAIL_FROM: z.string().trim().min(3).default('Kiểu Mẫu <no-reply@kieumau.local>'),
    /**
     * Server processes sharing the port (scripts/server.ts). Default: one per core on PostgreSQL;
     * always one on the embedded database, which a single process owns.
     */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    /** Seconds between runs of the notification sweep and the mail sender. */
    NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** The log's least level (fatal … trace) and form: JSON lines, or readable on a terminal. */
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    /** Prometheus metrics on their own port (unset: none), bound to METRICS_HOST, with a token. */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
    METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
    /** Single sign-on (OpenID Connect, e.g. Keycloak): the provider's issuer and this client. */
    OIDC_ISSUER: z
      .url()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPE: z.string().trim().min(6).default('openid email profile'),
    /** `acr` or `amr` values from the provider that count as the second factor (comma-separated). */
    OIDC_SECOND_FACTOR: z.string().trim().default(''),
    /** On SIGTERM: seconds the health check says "draining" while still serving, then the most
     * seconds requests under way may take before they are cut. */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(5),
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(30),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  })
  .superRefine((env, ctx) => {
    if (env.EVIDENCE_STORE === 's3' && !env.S3_BUCKET)
      ctx.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: 'EVIDENCE_STORE=s3 needs S3_BUCKET (and S3_ENDPOINT unless the store is AWS S3)',
      });
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID)
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_CLIENT_ID'],
        message:
          'OIDC_ISSUER needs OIDC_CLIENT_ID (and OIDC_CLIENT_SECRET for a confidential client)',
      });
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

const generatedSecrets = new Map<string, string>();

/**
 * The key that signs session tokens. Every instance must share it, so with PostgreSQL it must be
 * set (NEXTAUTH_SECRET). The embedded database serves one process: there a key is made once and
 * kept in the data folder, so a fresh machine needs no configuration and restarts keep sessions.
 */
export function authSecret(env: Env = readEnv()): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.DATABASE_URL)
    throw new ConfigError(
      'NEXTAUTH_SECRET is not set. With PostgreSQL, set it to the same random value (32+ characters) on every instance, e.g. `openssl rand -base64 48`.',
    );
  const dir = resolveDataDir(env);
  const known = generatedSecrets.get(dir);
  if (known) return known;
  let secret: string;
  if (dir.startsWith('memory://')) secret = randomBytes(48).toString('base64');
  else {
    const file = path.join(dir, 'auth-secret');
    fs.mkdirSync(dir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    secret = fs.readFileSync(file, 'utf8').trim();
  }
  generatedSecrets.set(dir, secret);
  return secret;
}
