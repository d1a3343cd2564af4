import { DEFAULT_REMINDER_DELAYS } from '../../machines/deadline-rules.js';
import {
  combined,
  email,
  flag,
  integer,
  ipAddress,
  matching,
  oneOf,
  text,
  then,
  url,
  variable,
  VariableProblem,
  type Given,
} from './variable.js';

/*
 * Every environment variable the service reads, declared once: its name, how its text is read, its
 * default and what it sets. The typed configuration (`AppConfig`) has the shape of these
 * declarations, and docs/configuration.md is generated from them (`npm run docs`); a test fails
 * while that file and this one disagree. A new variable is one line here.
 */

const KEY_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;
const SEK_AMOUNT = /^\d{1,6}(\.\d{1,2})?$/;
const ALGORITHM = '((RS|PS|ES)(256|384|512)|EdDSA)';

/** `152.5` SEK as 15250 öre, without going through binary floating point. */
function oreOf(sek: string): number {
  const [kronor, ore = ''] = sek.split('.');
  return Number(kronor) * 100 + Number(ore.padEnd(2, '0'));
}

const sekAmount = (example: string) =>
  then(matching(SEK_AMOUNT, 'amount in SEK, up to 2 decimals', `must be an amount in SEK, e.g. ${example}`), oreOf);

const reminderDays = (kind: keyof typeof DEFAULT_REMINDER_DELAYS, name: string, description: string) =>
  variable(name, integer(1, 3650), DEFAULT_REMINDER_DELAYS[kind], description);

/** Two keys under one id would make every ciphertext sealed under either open with only one of them. */
function keyList(list: string, name: string): string {
  const ids = list.split(',').map((item) => item.split(':')[0]);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0) {
    throw new VariableProblem(`${name} names key id ${repeated[0]} twice: each key needs its own id`);
  }
  return list;
}

const dataDir = (given: Given) => given.DATA_DIR ?? './data';
const port = (given: Given) => given.PORT ?? '3000';

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

/**
 * Production verifies the identity provider's tokens (OIDC); the embedded default verifies HS256
 * tokens signed with a local secret (generated into the data directory when none is given).
 */
export type AuthConfig =
  | { mode: 'oidc'; issuer: string; audience: string; jwksUrl: string; algorithms: string[] }
  | { mode: 'local'; secret?: string };

export const VARIABLES = {
  port: variable('PORT', integer(1, 65535), 3000, 'HTTP port of the API'),
  host: variable(
    'HOST',
    ipAddress(),
    '127.0.0.1',
    'the address the API listens on: loopback unless told otherwise (`0.0.0.0` in the container image)',
  ),
  metrics: {
    port: variable(
      'METRICS_PORT',
      integer(0, 65535),
      undefined,
      "also serve `/metrics` without a token on this port (the worker's only HTTP); off when not given",
    ),
    host: variable('METRICS_HOST', ipAddress(), '127.0.0.1', 'the address the metrics port listens on'),
  },
  dataDir: variable('DATA_DIR', text(), './data', 'where the embedded database and generated secrets live'),
  database: combined(
    {
      path: variable(
        'SQLITE_PATH',
        text(),
        (given) => `${dataDir(given)}/umgangesstod.sqlite`,
        'the embedded SQLite database (WAL, `synchronous=FULL`)',
        '`$DATA_DIR/umgangesstod.sqlite`',
      ),
      url: variable(
        'DATABASE_URL',
        matching(/^postgres(ql)?:\/\/.+/, 'postgres:// URL', 'must be a postgres:// URL'),
        undefined,
        'PostgreSQL instead of the embedded SQLite: when set it wins',
      ),
    },
    ({ path, url }): DatabaseConfig => (url ? { type: 'postgres', url } : { type: 'sqlite', path }),
  ),
  redis: combined(
    {
      url: variable(
        'REDIS_URL',
        matching(/^rediss?:\/\/.+/, 'redis:// URL', 'must be a redis:// URL'),
        'redis://127.0.0.1:6379',
        'Redis for the deadline and mail queues',
      ),
    },
    // Named by the operator, Redis must be there; otherwise the service may start a private one.
    ({ url }, given) => ({ url, explicit: given.REDIS_URL !== undefined }),
  ),
  queuePrefix: variable(
    'QUEUE_PREFIX',
    matching(/^[A-Za-z0-9_-]+$/, 'letters, digits, `_` and `-`', 'may hold letters, digits, _ and - only'),
    'umgangesstod',
    'BullMQ key prefix (isolates installations sharing a Redis)',
  ),
  periodCapMonths: variable(
    'PERIOD_CAP_MONTHS',
    integer(1, 36),
    12,
    "the municipality's cap on an assignment's period",
  ),
  logLevel: variable(
    'LOG_LEVEL',
    oneOf(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
    'info',
    'the least severe log lines written',
  ),
  reminderDelays: {
    supporterNotAppointed: reminderDays(
      'supporterNotAppointed',
      'REMINDER_SUPPORTER_NOT_APPOINTED_DAYS',
      'days after the judgment reached the unit (`receivedAt`, else registration), while no supporter is appointed',
    ),
    summonsNotSent: reminderDays(
      'summonsNotSent',
      'REMINDER_SUMMONS_NOT_SENT_DAYS',
      'days after the supporter was appointed, while no summons is sent',
    ),
    startupMeetingNotHeld: reminderDays(
      'startupMeetingNotHeld',
      'REMINDER_STARTUP_MEETING_NOT_HELD_DAYS',
      'days after the summons, while the start-up meeting is not held',
    ),
    visitsNotStarted: reminderDays(
      'visitsNotStarted',
      'REMINDER_VISITS_NOT_STARTED_DAYS',
      'days after the start-up meeting was held, while visits have not started',
    ),
    followUpNotHeld: reminderDays(
      'followUpNotHeld',
      'REMINDER_FOLLOW_UP_NOT_HELD_DAYS',
      'days after the midpoint, while the follow-up is not held',
    ),
    closingMeetingNotHeld: reminderDays(
      'closingMeetingNotHeld',
      'REMINDER_CLOSING_MEETING_NOT_HELD_DAYS',
      'days after the case began to close, while the closing meeting is not held',
    ),
    visitReportMissing: reminderDays(
      'visitReportMissing',
      'REMINDER_VISIT_REPORT_MISSING_DAYS',
      'days after a held or stopped visit that still has no report',
    ),
    evaluationNotSubmitted: reminderDays(
      'evaluationNotSubmitted',
      'REMINDER_EVALUATION_NOT_SUBMITTED_DAYS',
      'days after the case began to close, when the court asked for an evaluation',
    ),
    notArchived: reminderDays('notArchived', 'REMINDER_NOT_ARCHIVED_DAYS', 'days after the case began to close'),
  },
  inspector: {
    stately: variable(
      'INSPECT_STATELY',
      flag(),
      false,
      "also send inspection events to Stately's hosted inspector (needs internet)",
    ),
    statelyPort: variable(
      'INSPECT_STATELY_PORT',
      integer(1, 65535),
      8080,
      "the port of the bridge to Stately's inspector",
    ),
  },
  supporterVettingValidMonths: variable(
    'SUPPORTER_VETTING_VALID_MONTHS',
    integer(1, 60),
    12,
    "how old a supporter's register extracts may be, in months, for the supporter to be appointed",
  ),
  retentionYears: variable(
    'RETENTION_YEARS',
    integer(1, 100),
    5,
    "years after a case's last entry (its archiving) until its file is disposed of (gallring)",
  ),
  reportGraceDays: variable(
    'REPORT_GRACE_DAYS',
    integer(0, 365),
    14,
    'days after a replacement during which the outgoing supporter may still report on the visits they held',
  ),
  compensation: {
    ratePerHourOre: variable(
      'COMPENSATION_RATE_PER_HOUR',
      sekAmount('150 or 152.50'),
      15_000,
      "the supporters' pay in SEK per hour of visits (kept in öre, so the arithmetic stays in integers)",
      '`150`',
    ),
    ratePerVisitOre: variable(
      'COMPENSATION_RATE_PER_VISIT',
      sekAmount('100 or 99.50'),
      10_000,
      "the supporters' pay in SEK per paid visit",
      '`100`',
    ),
  },
  uploadMaxBytes: variable(
    'UPLOAD_MAX_BYTES',
    integer(1024, 100 * 1024 * 1024),
    10 * 1024 * 1024,
    'largest upload in bytes; larger is refused with 413',
  ),
  auth: combined(
    {
      secret: variable(
        'JWT_SECRET',
        then(text(), (secret, name) => {
          if (secret.length < 32) throw new VariableProblem(`${name} must be at least 32 characters`);
          return secret;
        }),
        undefined,
        'HS256 secret of the embedded sign-in (at least 32 characters)',
        'generated into `DATA_DIR`',
      ),
      issuer: variable(
        'OIDC_ISSUER',
        url(['http', 'https'], "must be the identity provider's issuer URL"),
        undefined,
        "the issuer of the municipality's OpenID Connect provider: with `OIDC_AUDIENCE` and `OIDC_JWKS_URL`, its tokens are verified instead",
      ),
      audience: variable('OIDC_AUDIENCE', text(), undefined, 'the audience the OIDC tokens must name'),
      jwksUrl: variable(
        'OIDC_JWKS_URL',
        url(['http', 'https'], "must be the URL of the identity provider's JWKS"),
        undefined,
        "the URL of the identity provider's signing keys (JWKS)",
      ),
      algorithms: variable(
        'OIDC_ALGORITHMS',
        then(
          matching(
            new RegExp(`^${ALGORITHM}(,${ALGORITHM})*$`),
            'comma-separated RS/PS/ES 256/384/512, EdDSA',
            "must be a comma-separated list of the provider's signing algorithms (RS256, PS256, ES256, EdDSA, …)",
          ),
          (list) => list.split(','),
        ),
        ['RS256'],
        "the provider's signing algorithms accepted",
        '`RS256`',
      ),
    },
    ({ secret, issuer, audience, jwksUrl, algorithms }): AuthConfig => {
      const oidc = [issuer, audience, jwksUrl];
      if (oidc.every((v) => v === undefined)) return { mode: 'local', secret };
      if (oidc.some((v) => v === undefined)) {
        throw new VariableProblem('OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL must be given together');
      }
      if (secret !== undefined) {
        throw new VariableProblem('JWT_SECRET and OIDC_* exclude each other: tokens come from one place');
      }
      return { mode: 'oidc', issuer: issuer!, audience: audience!, jwksUrl: jwksUrl!, algorithms };
    },
  ),
  personalData: {
    keys: variable(
      'PERSONAL_DATA_KEYS',
      then(
        matching(
          /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/,
          '`keyId:base64key,…`, each key 32 bytes',
          'must be a comma-separated list of keyId:base64key, each key 32 bytes, the current key first',
        ),
        keyList,
      ),
      undefined,
      'AES-256-GCM keys of the personal data, the current one first',
      'generated into `DATA_DIR`',
    ),
    hashKey: variable(
      'PERSONAL_DATA_HASH_KEY',
      matching(KEY_32_BYTES, '32 bytes, base64', 'must be 32 bytes in base64'),
      undefined,
      'HMAC key of the personnummer lookup hash',
      'generated into `DATA_DIR`',
    ),
  },
  corsOrigins: variable(
    'CORS_ORIGINS',
    then(text(), (list) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    ),
    [] as string[],
    'comma-separated origins allowed to call the API from a browser',
    'none (closed)',
  ),
  bodyLimit: variable(
    'BODY_LIMIT',
    matching(/^\d{1,6}(b|kb|mb)$/, 'size such as `100kb` or `1mb`', 'must be a size such as 100kb or 1mb'),
    '100kb',
    'largest JSON body',
  ),
  trustProxy: variable(
    'TRUST_PROXY',
    then(
      matching(
        /^(\d{1,2}|[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*|loopback|linklocal|uniquelocal)$/,
        'hop count, or addresses/subnets comma-separated; never `true`',
        "must be the number of proxy hops or the proxies' addresses (comma-separated), never true",
      ),
      (value): number | string[] => (/^\d+$/.test(value) ? Number(value) : value.split(',')),
    ),
    undefined,
    "behind a reverse proxy: how many proxies stand before the service, or their addresses, so the audit trail records the client's address behind them",
  ),
  tokenMaxAgeSeconds: variable(
    'TOKEN_MAX_AGE_SECONDS',
    integer(60, 7 * 24 * 3600),
    12 * 3600,
    'the oldest token accepted, counted from its `iat`, whatever its `exp` says',
  ),
  audit: {
    key: variable(
      'AUDIT_CHAIN_KEY',
      matching(KEY_32_BYTES, '32 bytes, base64', 'must be 32 bytes in base64'),
      undefined,
      'HMAC key of the audit chain; never stored in the database',
      'generated into `DATA_DIR`',
    ),
    headPath: variable(
      'AUDIT_HEAD_PATH',
      text(),
      (given) => `${dataDir(given)}/audit-head.json`,
      "where the audit chain's head is exported after every append",
      '`$DATA_DIR/audit-head.json`',
    ),
  },
  backup: {
    maxAgeHours: variable(
      'BACKUP_MAX_AGE_HOURS',
      integer(1, 8760),
      undefined,
      'when set, /health reports the backup down and the gauge `backup_stale` is 1 while the last `npm run backup` of the embedded database is older than this, or none was taken',
      'not watched',
    ),
  },
  runWorker: variable(
    'RUN_WORKER',
    flag(),
    true,
    'whether `npm start` also runs the deadline and mail worker (`npm run worker` runs only it)',
  ),
  deadlines: {
    attempts: variable('DEADLINE_ATTEMPTS', integer(1, 50), 5, 'tries of a failing deadline job'),
    backoffMs: variable(
      'DEADLINE_BACKOFF_MS',
      integer(10, 600_000),
      1000,
      "the first retry's delay of a deadline job; each further one doubles it",
    ),
    concurrency: variable('DEADLINE_CONCURRENCY', integer(1, 200), 10, 'deadline jobs a worker runs at once'),
    batch: variable(
      'DEADLINE_BATCH',
      integer(1, 1000),
      500,
      'due reminders one transaction acts on at most (the one delivered and others due with it)',
    ),
    reconcileEverySeconds: variable(
      'RECONCILE_EVERY_SECONDS',
      integer(1, 3600),
      30,
      'how often pending deadlines are checked against the queue',
    ),
  },
  notifications: {
    smtpUrl: variable(
      'SMTP_URL',
      matching(/^smtps?:\/\/.+/, 'smtp:// or smtps:// URL', 'must be an smtp:// or smtps:// URL'),
      undefined,
      'the mail server alert mail goes through, e.g. `smtp://user:pass@host:587`',
      'none: mail is written to `DATA_DIR/outbox/*.eml`',
    ),
    mailFrom: variable(
      'MAIL_FROM',
      matching(/@/, 'e-mail address, with a name', 'must be an e-mail address, e.g. Umgängesstöd <noreply@kommun.se>'),
      'Umgängesstöd <umgangesstod@localhost>',
      'sender of alert mail; its domain ends each `Message-ID`',
    ),
    publicBaseUrl: variable(
      'PUBLIC_BASE_URL',
      then(url(['http', 'https'], 'must be the http(s) address users reach the service at'), (address) =>
        address.replace(/\/+$/, ''),
      ),
      (given) => `http://127.0.0.1:${port(given)}`,
      "the service's address as its users reach it: links in mail lead to the web app's case page, <PUBLIC_BASE_URL>/arenden/<caseId>",
      '`http://127.0.0.1:$PORT`',
    ),
    fallbackEmail: variable(
      'NOTIFY_FALLBACK_EMAIL',
      email(),
      undefined,
      'who is told while no staff profile or unit mailbox gives an address',
      'none (no mail)',
    ),
    digestHour: variable(
      'NOTIFY_DIGEST_HOUR',
      integer(0, 23),
      7,
      'the hour (Swedish time) of the daily digest, on working days',
    ),
    attempts: variable(
      'MAIL_ATTEMPTS',
      integer(1, 50),
      5,
      'tries of a mail before the next reconciliation takes it up again',
    ),
    backoffMs: variable(
      'MAIL_BACKOFF_MS',
      integer(10, 3_600_000),
      30_000,
      "the first retry's delay of a mail; each further one doubles it",
    ),
  },
};
