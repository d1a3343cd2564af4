import { plainToInstance } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsIP,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { DEFAULT_REMINDER_DELAYS, type ReminderDelays } from '../../machines/deadline-rules.js';

const SEK_AMOUNT = /^\d{1,6}(\.\d{1,2})?$/;

/** The environment as it may be given; every variable is optional and has a default. */
class Environment {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  SQLITE_PATH?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ and - only' })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  PERIOD_CAP_MONTHS?: number;

  @IsOptional()
  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  REMINDER_SUPPORTER_NOT_APPOINTED_DAYS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  REMINDER_STARTUP_MEETING_NOT_HELD_DAYS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  REMINDER_VISIT_REPORT_MISSING_DAYS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  REMINDER_EVALUATION_NOT_SUBMITTED_DAYS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  REMINDER_NOT_ARCHIVED_DAYS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  REMINDER_SUMMONS_NOT_SENT_DAYS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  REMINDER_VISITS_NOT_STARTED_DAYS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  REMINDER_FOLLOW_UP_NOT_HELD_DAYS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  REMINDER_CLOSING_MEETING_NOT_HELD_DAYS?: number;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'INSPECT_STATELY must be true or false' })
  INSPECT_STATELY?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  INSPECT_STATELY_PORT?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  SUPPORTER_VETTING_VALID_MONTHS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  RETENTION_YEARS?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  REPORT_GRACE_DAYS?: number;

  @IsOptional()
  @Matches(SEK_AMOUNT, { message: 'COMPENSATION_RATE_PER_HOUR must be an amount in SEK, e.g. 150 or 152.50' })
  COMPENSATION_RATE_PER_HOUR?: string;

  @IsOptional()
  @Matches(SEK_AMOUNT, { message: 'COMPENSATION_RATE_PER_VISIT must be an amount in SEK, e.g. 100 or 99.50' })
  COMPENSATION_RATE_PER_VISIT?: string;

  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  UPLOAD_MAX_BYTES?: number;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false }, { message: "OIDC_ISSUER must be the identity provider's issuer URL" })
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  OIDC_AUDIENCE?: string;

  @IsOptional()
  @IsUrl({ require_tld: false }, { message: "OIDC_JWKS_URL must be the URL of the identity provider's JWKS" })
  OIDC_JWKS_URL?: string;

  @IsOptional()
  @Matches(/^((RS|PS|ES)(256|384|512)|EdDSA)(,((RS|PS|ES)(256|384|512)|EdDSA))*$/, {
    message:
      "OIDC_ALGORITHMS must be a comma-separated list of the provider's signing algorithms (RS256, PS256, ES256, EdDSA, …)",
  })
  OIDC_ALGORITHMS?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, {
    message:
      'PERSONAL_DATA_KEYS must be a comma-separated list of keyId:base64key, each key 32 bytes, the current key first',
  })
  PERSONAL_DATA_KEYS?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PERSONAL_DATA_HASH_KEY must be 32 bytes in base64' })
  PERSONAL_DATA_HASH_KEY?: string;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsOptional()
  @Matches(/^\d{1,6}(b|kb|mb)$/, { message: 'BODY_LIMIT must be a size such as 100kb or 1mb' })
  BODY_LIMIT?: string;

  @IsOptional()
  @Matches(/^(\d{1,2}|[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*|loopback|linklocal|uniquelocal)$/, {
    message: "TRUST_PROXY must be the number of proxy hops or the proxies' addresses (comma-separated), never true",
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  TOKEN_MAX_AGE_SECONDS?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'AUDIT_CHAIN_KEY must be 32 bytes in base64' })
  AUDIT_CHAIN_KEY?: string;

  @IsOptional()
  @IsString()
  AUDIT_HEAD_PATH?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'RUN_WORKER must be true or false' })
  RUN_WORKER?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  RECONCILE_EVERY_SECONDS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  DEADLINE_ATTEMPTS?: number;

  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(600000)
  DEADLINE_BACKOFF_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  DEADLINE_CONCURRENCY?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  DEADLINE_BATCH?: number;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/@/, { message: 'MAIL_FROM must be an e-mail address, e.g. Umgängesstöd <noreply@kommun.se>' })
  MAIL_FROM?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'PUBLIC_BASE_URL must be the http(s) address users reach the service at' },
  )
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @IsEmail(
    { allow_display_name: false, require_tld: false },
    { message: 'NOTIFY_FALLBACK_EMAIL must be an e-mail address' },
  )
  NOTIFY_FALLBACK_EMAIL?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  NOTIFY_DIGEST_HOUR?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_ATTEMPTS?: number;

  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(3600000)
  MAIL_BACKOFF_MS?: number;

  @IsOptional()
  @IsIP(undefined, { message: 'HOST must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0' })
  HOST?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  @IsOptional()
  @IsIP(undefined, { message: 'METRICS_HOST must be an IP address to listen on, e.g. 127.0.0.1' })
  METRICS_HOST?: string;
}

export type DatabaseConfig =
  | {
      type: 'sqlite';
      path: string;
      /**
       * Set to false by the tests that are not about durability, never by the environment: commits
       * then do not wait for the disk, and only a crash of the machine (not of the process) could lose one.
       */
      syncEachCommit?: boolean;
    }
  | { type: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  /** The address the API listens on: loopback unless told otherwise (a container listens on 0.0.0.0). */
  host: string;
  /** A second, token-free port for the metrics only, off unless METRICS_PORT is given. */
  metrics: { port?: number; host: string };
  database: DatabaseConfig;
  /** Where Redis is expected; `explicit` says whether the operator named it (no private Redis then). */
  redis: { url: string; explicit: boolean };
  queuePrefix: string;
  dataDir: string;
  periodCapMonths: number;
  logLevel: string;
  /** Where log lines go instead of stdout (tests capture them to prove no personnummer is logged). */
  logStream?: NodeJS.WritableStream;
  reminderDelays: ReminderDelays;
  /** Whether the inspector also sends its events to Stately's hosted inspector (needs internet), through a bridge on this port. */
  inspector: { stately: boolean; statelyPort: number };
  /** How old a supporter's register extracts may be, in months, for the supporter to be appointed. */
  supporterVettingValidMonths: number;
  /** Years after a case's last entry until its file is disposed of (gallring). */
  retentionYears: number;
  /** Days after a replacement during which the outgoing supporter may still report on the visits they held. */
  reportGraceDays: number;
  /** The supporters' pay in öre (1/100 SEK), so the arithmetic stays in integers. */
  compensation: { ratePerHourOre: number; ratePerVisitOre: number };
  uploadMaxBytes: number;
  auth: AuthConfig;
  personalData: PersonalDataConfig;
  /** Origins allowed to call the API from a browser; none means CORS stays closed. */
  corsOrigins: string[];
  bodyLimit: string;
  /**
   * Express's `trust proxy`: how many proxies stand before the service, or their addresses, so the
   * audit trail records the client's address behind them. Never "trust everyone": any client
   * could then name its own address in X-Forwarded-For.
   */
  trustProxy?: number | string[];
  /** The oldest token (by its `iat`) still accepted, whatever its `exp` says. */
  tokenMaxAgeSeconds: number;
  audit: AuditChainConfig;
  /** Whether this process also runs the deadline worker and reconciler (`npm run worker` runs only them). */
  runWorker: boolean;
  deadlines: DeadlineDeliveryConfig;
  notifications: NotificationConfig;
}

/** Where alert mail goes and how (src/notifications). */
export interface NotificationConfig {
  /** Without one, mail is written to `<dataDir>/outbox/` as .eml files. */
  smtpUrl?: string;
  mailFrom: string;
  /** The service's address as its users reach it: the links in a mail start with it. */
  publicBaseUrl: string;
  /** Who is told while no staff profile or unit mailbox gives an address. */
  fallbackEmail?: string;
  /** The hour (Swedish time) of the daily digest on working days. */
  digestHour: number;
  attempts: number;
  /** The first retry's delay; each further one doubles it. */
  backoffMs: number;
}

/**
 * Production verifies the identity provider's tokens (OIDC); the embedded default verifies HS256
 * tokens signed with a local secret (generated into the data directory when none is given).
 */
export type AuthConfig =
  | { mode: 'oidc'; issuer: string; audience: string; jwksUrl: string; algorithms: string[] }
  | { mode: 'local'; secret?: string };

/** Raw key material as configured; src/personal-data parses it (or generates it into the data directory). */
export interface PersonalDataConfig {
  keys?: string;
  hashKey?: string;
}

/** The audit chain's key (generated into the data directory when not given) and where its head is exported. */
export interface AuditChainConfig {
  key?: string;
  headPath: string;
}

export class InvalidConfigError extends Error {}

/** How deadlines are delivered: retries of a failing one, the worker's parallelism, the reconciler's pace. */
export interface DeadlineDeliveryConfig {
  attempts: number;
  /** The first retry's delay; each further one doubles it. */
  backoffMs: number;
  concurrency: number;
  /** Due reminders one transaction acts on at most: the one delivered and others due with it. */
  batch: number;
  reconcileEverySeconds: number;
}

const INTEGER_VARIABLES = new Set([
  'PORT',
  'PERIOD_CAP_MONTHS',
  'REMINDER_SUPPORTER_NOT_APPOINTED_DAYS',
  'REMINDER_STARTUP_MEETING_NOT_HELD_DAYS',
  'REMINDER_VISIT_REPORT_MISSING_DAYS',
  'REMINDER_EVALUATION_NOT_SUBMITTED_DAYS',
  'REMINDER_NOT_ARCHIVED_DAYS',
  'REMINDER_SUMMONS_NOT_SENT_DAYS',
  'REMINDER_VISITS_NOT_STARTED_DAYS',
  'REMINDER_FOLLOW_UP_NOT_HELD_DAYS',
  'REMINDER_CLOSING_MEETING_NOT_HELD_DAYS',
  'INSPECT_STATELY_PORT',
  'SUPPORTER_VETTING_VALID_MONTHS',
  'RETENTION_YEARS',
  'REPORT_GRACE_DAYS',
  'UPLOAD_MAX_BYTES',
  'RECONCILE_EVERY_SECONDS',
  'DEADLINE_ATTEMPTS',
  'DEADLINE_BACKOFF_MS',
  'DEADLINE_CONCURRENCY',
  'DEADLINE_BATCH',
  'NOTIFY_DIGEST_HOUR',
  'MAIL_ATTEMPTS',
  'MAIL_BACKOFF_MS',
  'METRICS_PORT',
  'TOKEN_MAX_AGE_SECONDS',
]);

function readEnvironment(env: NodeJS.ProcessEnv): Environment {
  const given: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    given[name] = INTEGER_VARIABLES.has(name) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  const environment = plainToInstance(Environment, given);
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${m}`));
    throw new InvalidConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return environment;
}

function authFrom(e: Environment): AuthConfig {
  const oidc = [e.OIDC_ISSUER, e.OIDC_AUDIENCE, e.OIDC_JWKS_URL];
  if (oidc.every((v) => v === undefined)) return { mode: 'local', secret: e.JWT_SECRET };
  if (oidc.some((v) => v === undefined)) {
    throw new InvalidConfigError(
      'Invalid configuration:\n  - OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL must be given together',
    );
  }
  if (e.JWT_SECRET !== undefined) {
    throw new InvalidConfigError(
      'Invalid configuration:\n  - JWT_SECRET and OIDC_* exclude each other: tokens come from one place',
    );
  }
  const algorithms = (e.OIDC_ALGORITHMS ?? 'RS256').split(',');
  return { mode: 'oidc', issuer: e.OIDC_ISSUER!, audience: e.OIDC_AUDIENCE!, jwksUrl: e.OIDC_JWKS_URL!, algorithms };
}

/** Two keys under one id would make every ciphertext sealed under either open with only one of them. */
function keyListFrom(list: string | undefined): string | undefined {
  const ids = (list ?? '').split(',').map((item) => item.split(':')[0]);
  const repeated = ids.filter((id, i) => id !== '' && ids.indexOf(id) !== i);
  if (repeated.length > 0) {
    throw new InvalidConfigError(
      `Invalid configuration:\n  - PERSONAL_DATA_KEYS names key id ${repeated[0]} twice: each key needs its own id`,
    );
  }
  return list;
}

function trustProxyFrom(value: string | undefined): number | string[] | undefined {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : value.split(',');
}

/** `152.5` SEK as 15250 öre, without going through binary floating point. */
function oreOf(sek: string): number {
  const [kronor, ore = ''] = sek.split('.');
  return Number(kronor) * 100 + Number(ore.padEnd(2, '0'));
}

/** Reads and validates the configuration once, at boot. Nothing else reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = readEnvironment(env);
  const dataDir = e.DATA_DIR ?? './data';
  return {
    port: e.PORT ?? 3000,
    host: e.HOST ?? '127.0.0.1',
    metrics: { ...(e.METRICS_PORT !== undefined ? { port: e.METRICS_PORT } : {}), host: e.METRICS_HOST ?? '127.0.0.1' },
    database: e.DATABASE_URL
      ? { type: 'postgres', url: e.DATABASE_URL }
      : { type: 'sqlite', path: e.SQLITE_PATH ?? `${dataDir}/umgangesstod.sqlite` },
    redis: { url: e.REDIS_URL ?? 'redis://127.0.0.1:6379', explicit: e.REDIS_URL !== undefined },
    queuePrefix: e.QUEUE_PREFIX ?? 'umgangesstod',
    dataDir,
    periodCapMonths: e.PERIOD_CAP_MONTHS ?? 12,
    logLevel: e.LOG_LEVEL ?? 'info',
    reminderDelays: {
      supporterNotAppointed: e.REMINDER_SUPPORTER_NOT_APPOINTED_DAYS ?? DEFAULT_REMINDER_DELAYS.supporterNotAppointed,
      startupMeetingNotHeld: e.REMINDER_STARTUP_MEETING_NOT_HELD_DAYS ?? DEFAULT_REMINDER_DELAYS.startupMeetingNotHeld,
      visitReportMissing: e.REMINDER_VISIT_REPORT_MISSING_DAYS ?? DEFAULT_REMINDER_DELAYS.visitReportMissing,
      evaluationNotSubmitted:
        e.REMINDER_EVALUATION_NOT_SUBMITTED_DAYS ?? DEFAULT_REMINDER_DELAYS.evaluationNotSubmitted,
      notArchived: e.REMINDER_NOT_ARCHIVED_DAYS ?? DEFAULT_REMINDER_DELAYS.notArchived,
      summonsNotSent: e.REMINDER_SUMMONS_NOT_SENT_DAYS ?? DEFAULT_REMINDER_DELAYS.summonsNotSent,
      visitsNotStarted: e.REMINDER_VISITS_NOT_STARTED_DAYS ?? DEFAULT_REMINDER_DELAYS.visitsNotStarted,
      followUpNotHeld: e.REMINDER_FOLLOW_UP_NOT_HELD_DAYS ?? DEFAULT_REMINDER_DELAYS.followUpNotHeld,
      closingMeetingNotHeld: e.REMINDER_CLOSING_MEETING_NOT_HELD_DAYS ?? DEFAULT_REMINDER_DELAYS.closingMeetingNotHeld,
    },
    inspector: { stately: e.INSPECT_STATELY === 'true', statelyPort: e.INSPECT_STATELY_PORT ?? 8080 },
    supporterVettingValidMonths: e.SUPPORTER_VETTING_VALID_MONTHS ?? 12,
    retentionYears: e.RETENTION_YEARS ?? 5,
    reportGraceDays: e.REPORT_GRACE_DAYS ?? 14,
    compensation: {
      ratePerHourOre: oreOf(e.COMPENSATION_RATE_PER_HOUR ?? '150'),
      ratePerVisitOre: oreOf(e.COMPENSATION_RATE_PER_VISIT ?? '100'),
    },
    uploadMaxBytes: e.UPLOAD_MAX_BYTES ?? 10 * 1024 * 1024,
    auth: authFrom(e),
    personalData: { keys: keyListFrom(e.PERSONAL_DATA_KEYS), hashKey: e.PERSONAL_DATA_HASH_KEY },
    corsOrigins: (e.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    bodyLimit: e.BODY_LIMIT ?? '100kb',
    ...(e.TRUST_PROXY ? { trustProxy: trustProxyFrom(e.TRUST_PROXY) } : {}),
    tokenMaxAgeSeconds: e.TOKEN_MAX_AGE_SECONDS ?? 12 * 3600,
    audit: { key: e.AUDIT_CHAIN_KEY, headPath: e.AUDIT_HEAD_PATH ?? `${dataDir}/audit-head.json` },
    runWorker: e.RUN_WORKER !== 'false',
    deadlines: {
      attempts: e.DEADLINE_ATTEMPTS ?? 5,
      backoffMs: e.DEADLINE_BACKOFF_MS ?? 1000,
      concurrency: e.DEADLINE_CONCURRENCY ?? 10,
      batch: e.DEADLINE_BATCH ?? 500,
      reconcileEverySeconds: e.RECONCILE_EVERY_SECONDS ?? 30,
    },
    notifications: {
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM ?? 'Umgängesstöd <umgangesstod@localhost>',
      publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://127.0.0.1:${e.PORT ?? 3000}`).replace(/\/+$/, ''),
      fallbackEmail: e.NOTIFY_FALLBACK_EMAIL,
      digestHour: e.NOTIFY_DIGEST_HOUR ?? 7,
      attempts: e.MAIL_ATTEMPTS ?? 5,
      backoffMs: e.MAIL_BACKOFF_MS ?? 30_000,
    },
  };
}

/** The injection token under which the validated configuration is provided. */
export const APP_CONFIG = Symbol('APP_CONFIG');
