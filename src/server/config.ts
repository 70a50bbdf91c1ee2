import path from 'node:path';
import { type SealConfig, sealConfigFromEnv } from './lib/pdf/keys';

/** An S3-compatible bucket for uploaded files (S3_ENDPOINT set); without it files stay under DATA_DIR. */
export interface S3Config {
  /** http(s)://host[:port] of the store, e.g. http://10.0.0.5:9000 for MinIO. */
  endpoint: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

/** Runtime configuration, read once from the environment. Every variable is documented in README.md. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where uploaded files live: a bucket when configured, else DATA_DIR (see lib/files/store.ts). */
  s3: S3Config | undefined;
  host: string;
  port: number;
  publicUrl: string;
  logLevel: string;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  seedDemo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  secureCookies: boolean;
  /** Seconds between scheduler ticks (reminders, digests, outbox); 0 turns the scheduler off. */
  schedulerIntervalSeconds: number;
  outboxMaxAttempts: number;
  outboxRetrySeconds: number;
  digestHour: number;
  minutesReminderDays: number;
  /**
   * Which direct peers may set X-Forwarded-For/-Proto/-Host (Fastify's trustProxy): false (the default, the app is
   * reached directly), true (any peer), or a comma-separated list of addresses/CIDR ranges such as "127.0.0.1".
   */
  trustProxy: boolean | string;
  /** Import limits, checked while the file is read (see docs/decisions/0023-imports-streamed-with-limits.md). */
  importMaxRows: number;
  importMaxColumns: number;
  importMaxCells: number;
  importMaxUnzippedBytes: number;
  importMaxSharedStringsBytes: number;
  /** Parses of import files running at once (each in its own worker thread); more wait in a queue. */
  importParseConcurrency: number;
  /** Heap limit of one parse worker, in MB. */
  importWorkerMemoryMb: number;
  /** A parse still running after this many seconds is stopped and the file refused. */
  importParseTimeoutSeconds: number;
  /** The installation's seal for PDF signatures (SIGN_P12_* or SIGN_PKCS11_*); null when none is configured. */
  seal: SealConfig | null;
  /** RFC 3161 timestamp server (TSA_URL); null signs without a timestamp (PAdES B-B). */
  tsaUrl: string | null;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Biến môi trường ${name} phải là số nguyên không âm (đang là "${raw}")`);
  return n;
}

/** TRUST_PROXY: empty or "false" trusts no proxy; "true" any peer; anything else is a list of addresses/ranges. */
export function parseTrustProxy(raw: string | undefined): boolean | string {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return value;
}

/** S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION: undefined without an endpoint. */
export function s3FromEnv(env: NodeJS.ProcessEnv = process.env): S3Config | undefined {
  const endpoint = (env.S3_ENDPOINT ?? '').trim();
  if (endpoint === '') return undefined;
  if (!/^https?:\/\/[^/]+\/?$/.test(endpoint)) {
    throw new Error(`Biến môi trường S3_ENDPOINT phải có dạng http(s)://máy[:cổng] (đang là "${endpoint}")`);
  }
  const accessKey = env.S3_ACCESS_KEY ?? '';
  const secretKey = env.S3_SECRET_KEY ?? '';
  if (accessKey === '' || secretKey === '') throw new Error('Khi đặt S3_ENDPOINT phải đặt cả S3_ACCESS_KEY và S3_SECRET_KEY');
  return { endpoint, bucket: env.S3_BUCKET || 'lien-truong', accessKey, secretKey, region: env.S3_REGION || 'us-east-1' };
}

/** Reads the configuration from process.env, with overrides for tests. */
export function loadConfig(overrides: Partial<Config> = {}): Config {
  const port = int('PORT', 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const base: Config = {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.DATA_DIR ?? './data'),
    s3: s3FromEnv(),
    host,
    port,
    publicUrl: process.env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    logLevel: process.env.LOG_LEVEL ?? 'info',
    sessionTtlHours: int('SESSION_TTL_HOURS', 12),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5),
    loginWindowMinutes: int('LOGIN_WINDOW_MINUTES', 15),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1_048_576),
    uploadLimitBytes: int('UPLOAD_LIMIT_BYTES', 20 * 1_048_576),
    seedDemo: (process.env.SEED_DEMO ?? 'true') !== 'false',
    smtpUrl: process.env.SMTP_URL || undefined,
    mailFrom: process.env.MAIL_FROM ?? 'Liên Trường <no-reply@lientruong.local>',
    secureCookies: (process.env.SECURE_COOKIES ?? 'false') === 'true',
    schedulerIntervalSeconds: int('SCHEDULER_INTERVAL_SECONDS', 60),
    outboxMaxAttempts: Math.max(1, int('OUTBOX_MAX_ATTEMPTS', 8)),
    outboxRetrySeconds: int('OUTBOX_RETRY_SECONDS', 60),
    digestHour: Math.min(23, int('DIGEST_HOUR', 17)),
    minutesReminderDays: int('MINUTES_REMINDER_DAYS', 3),
    trustProxy: parseTrustProxy(process.env.TRUST_PROXY),
    importMaxRows: int('IMPORT_MAX_ROWS', 50_000),
    importMaxColumns: int('IMPORT_MAX_COLUMNS', 100),
    importMaxCells: int('IMPORT_MAX_CELLS', 1_000_000),
    importMaxUnzippedBytes: int('IMPORT_MAX_UNZIPPED_BYTES', 64 * 1_048_576),
    importMaxSharedStringsBytes: int('IMPORT_MAX_SHARED_STRINGS_BYTES', 16 * 1_048_576),
    importParseConcurrency: Math.max(1, int('IMPORT_PARSE_CONCURRENCY', 2)),
    importWorkerMemoryMb: Math.max(32, int('IMPORT_WORKER_MEMORY_MB', 256)),
    importParseTimeoutSeconds: Math.max(1, int('IMPORT_PARSE_TIMEOUT_SECONDS', 60)),
    seal: sealConfigFromEnv(),
    tsaUrl: process.env.TSA_URL || null,
  };
  return { ...base, ...overrides };
}
