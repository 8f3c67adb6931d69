import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

/** The one configuration object, read once at start. */
export interface Config {
  /** Absent: the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Seed demonstration data on first start. */
  demo: boolean;
  /** Where the built web app lives (served at `/`). */
  webDir: string;
  databaseKind: 'pglite' | 'postgres';
  /** The file holding the master key that seals secrets at rest (created on first start). */
  masterKeyFile: string;
  /** Base64 master key given directly (wins over the file). */
  masterKey: string | undefined;
  /** Where people reach the product, for links in e-mails. */
  publicUrl: string;
  /** Behind a reverse proxy that terminates HTTPS: trust its X-Forwarded-* headers. */
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number; cacheSeconds: number };
  /** `smtp://user:pass@host:port` or `smtps://...`; absent: e-mails go to the local outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Hours between sweeps that erase identifiers past their State's retention period; 0: off. */
  retentionSweepHours: number;
}

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(v), {
    message: 'must be true or false (also 1/0, yes/no, on/off)',
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be a postgres:// or postgresql:// URL',
    }),
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(8080),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: booleanFlag.optional(),
  WEB_DIR: z.string().trim().min(1).default('./dist/web'),
  MASTER_KEY_FILE: z.string().trim().min(1).optional(),
  MASTER_KEY: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || Buffer.from(v, 'base64').length === 32, { message: 'must be 32 bytes in base64 (openssl rand -base64 32)' }),
  PUBLIC_URL: z.url({ message: 'must be a URL such as https://tiphub.example.org' }).optional(),
  TRUST_PROXY: booleanFlag.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number({ message: 'must be a number' }).int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(24 * 30).default(12),
  SESSION_CACHE_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(60).default(5),
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^smtps?:\/\//.test(v), { message: 'must be an smtp:// or smtps:// URL' }),
  MAIL_FROM: z.string().trim().min(3).default('TIP Hub <no-reply@tiphub.invalid>'),
  RETENTION_SWEEP_HOURS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 (off) or more').max(24 * 24, 'must be at most 576 (24 days)').default(24),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (if present) under the real environment, which wins. */
export function readEnvironment(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const file = path.join(cwd, '.env');
  const fromFile = fs.existsSync(file) ? parseEnv(fs.readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...env };
}

/** Validates the environment; throws a ConfigError listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])] ?? null)})`));
  }
  const e = parsed.data;
  const databaseKind = e.DATABASE_URL ? 'postgres' : 'pglite';
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    // Demonstration data is the default only where nobody's real data can be: the embedded database.
    demo: e.DEMO ?? databaseKind === 'pglite',
    webDir: path.resolve(e.WEB_DIR),
    databaseKind,
    masterKeyFile: path.resolve(e.MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')),
    masterKey: e.MASTER_KEY || undefined,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS, cacheSeconds: e.SESSION_CACHE_SECONDS },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    retentionSweepHours: e.RETENTION_SWEEP_HOURS,
  };
}

/** Checks that the data directory can be created and written, without leaving anything behind on failure. */
export function checkDataDir(dataDir: string): string[] {
  try {
    const existed = fs.existsSync(dataDir);
    if (existed && !fs.statSync(dataDir).isDirectory()) return [`DATA_DIR: ${dataDir} exists and is not a directory`];
    const probeBase = existed ? dataDir : nearestExistingParent(dataDir);
    fs.accessSync(probeBase, fs.constants.W_OK);
    return [];
  } catch (err) {
    return [`DATA_DIR: ${dataDir} is not writable (${(err as NodeJS.ErrnoException).code ?? String(err)})`];
  }
}

function nearestExistingParent(dir: string): string {
  let current = path.dirname(dir);
  while (!fs.existsSync(current)) current = path.dirname(current);
  if (!fs.statSync(current).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  return current;
}
