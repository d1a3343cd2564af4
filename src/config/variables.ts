import { DEFAULT_REMINDER_DELAYS } from '../../machines/deadline-rules.js';
import { ROLES, type Role } from '../common/actor.js';
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

/** Days of the month whose people's case files are kept for research, or `all` (the archive plan keeps every file). */
export type KeptBirthDays = 'all' | readonly number[];
/** Socialtjänstlagen's research sample: people born on the 5th, 15th and 25th of a month. */
const RESEARCH_BIRTH_DAYS: KeptBirthDays = [5, 15, 25];

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

/**
 * Production verifies the identity provider's tokens (OIDC); the embedded default verifies HS256
 * tokens signed with a local secret (generated into the data directory when none is given).
 */
export type AuthConfig =
  | { mode: 'oidc'; issuer: string; audience: string; jwksUrl: string; algorithms: string[] }
  | { mode: 'local'; secret?: string };

/** Sign-in through the municipality's OpenID Connect provider (authorization code with PKCE). */
export interface OidcSignInConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim that holds the person's roles (a list or one string). */
  roleClaim: string;
  /** The provider's role names → the service's; without a map, the claim holds the service's names. */
  roleMap?: Record<string, Role>;
  supporterIdClaim: string;
}

const CLAIM_NAME = /^[A-Za-z0-9_.:/-]{1,200}$/;
const ROLE_PAIR = `[^=,]+=(${ROLES.join('|')})`;

const claimName = (example: string) =>
  matching(CLAIM_NAME, 'name of a claim', `must be the name of a claim, e.g. ${example}`);

const minutes = (max: number) => then(integer(1, max), (count) => count * 60_000);

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
  production: {
    on: variable(
      'PRODUCTION',
      flag(),
      (given) => given.NODE_ENV === 'production',
      'production mode: the service refuses to start on example, all-zero, short or generated secrets, a public address on this machine, local token sign-in and SQLite unless allowed below',
      'on when `NODE_ENV=production`',
    ),
    allowLocalSignIn: variable(
      'ALLOW_LOCAL_SIGN_IN',
      flag(),
      false,
      'in production mode: accept tokens signed with the local HS256 `JWT_SECRET` instead of an OpenID Connect provider',
    ),
    allowSqlite: variable(
      'ALLOW_SQLITE',
      flag(),
      false,
      'in production mode: run on the embedded SQLite database (one machine, `npm run backup`) instead of PostgreSQL',
    ),
  },
  postgres: {
    poolSize: variable('DATABASE_POOL_SIZE', integer(1, 200), 10, 'PostgreSQL connections each process keeps at most'),
    connectTimeoutMs: variable(
      'DATABASE_CONNECT_TIMEOUT_MS',
      integer(100, 120_000),
      10_000,
      'how long a PostgreSQL connection may take to open before the attempt fails',
    ),
    statementTimeoutMs: variable(
      'DATABASE_STATEMENT_TIMEOUT_MS',
      integer(0, 3_600_000),
      30_000,
      "PostgreSQL's `statement_timeout` for the service's statements (0: none); the command-line tools run without one",
    ),
    idleInTransactionTimeoutMs: variable(
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      integer(0, 3_600_000),
      60_000,
      "PostgreSQL's `idle_in_transaction_session_timeout`: a transaction left open this long is ended and its locks freed (0: never)",
    ),
  },
  migrations: {
    atStart: variable(
      'MIGRATE_AT_START',
      flag(),
      true,
      'whether a process brings the schema up to date when it starts (off where a one-shot `npm run migrate` with the owner role does it)',
    ),
    lockTimeoutSeconds: variable(
      'MIGRATION_LOCK_TIMEOUT_SECONDS',
      integer(1, 3600),
      120,
      'how long a process waits for another one migrating the same PostgreSQL database before it gives up',
    ),
  },
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
    noRecentVisit: reminderDays(
      'noRecentVisit',
      'REMINDER_NO_RECENT_VISIT_DAYS',
      'days after the latest visit logged (or the start of visits), while visits run; each logged visit moves it on',
    ),
    followUpNotHeld: reminderDays(
      'followUpNotHeld',
      'REMINDER_FOLLOW_UP_NOT_HELD_DAYS',
      'days after the booked follow-up meeting (else the midpoint), while the follow-up is not held',
    ),
    closingMeetingNotHeld: reminderDays(
      'closingMeetingNotHeld',
      'REMINDER_CLOSING_MEETING_NOT_HELD_DAYS',
      'days after the booked closing meeting (else the case began to close), while the closing meeting is not held',
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
  keptBirthDays: variable(
    'DISPOSAL_KEPT_BIRTH_DAYS',
    then(
      matching(
        /^(all|none|\d{1,2}(,\d{1,2})*)$/,
        '`all`, `none` or days of the month',
        'must be all, none or days such as 5,15,25',
      ),
      (raw): KeptBirthDays => (raw === 'all' ? 'all' : raw === 'none' ? [] : raw.split(',').map(Number)),
    ),
    RESEARCH_BIRTH_DAYS,
    'case files of anyone born on these days of a month are kept for research, not disposed of (socialtjänstlagen; `all` where the archive plan keeps every file, `none` where it says so)',
  ),
  statisticsMinMonths: variable(
    'STATISTICS_MIN_MONTHS',
    integer(1, 120),
    1,
    'the shortest period the statistics count, in whole calendar months: a shorter one asked for is widened to it, so no figure tells of a single day',
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
        "the issuer of the municipality's OpenID Connect provider: with `OIDC_AUDIENCE` and `OIDC_JWKS_URL`, its bearer tokens are verified instead of local ones; with `OIDC_CLIENT_ID` and `OIDC_CLIENT_SECRET`, browsers sign in through it (docs/sign-in.md)",
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
    // OIDC_ISSUER serves two things: verifying the provider's bearer tokens (here) and signing
    // browsers in through it (signIn.oidc); given alone it does neither.
    ({ secret, issuer, audience, jwksUrl, algorithms }, given): AuthConfig => {
      const bearer = [audience, jwksUrl];
      const browser = given.OIDC_CLIENT_ID !== undefined || given.OIDC_CLIENT_SECRET !== undefined;
      if (bearer.every((v) => v === undefined) && (issuer === undefined || browser)) return { mode: 'local', secret };
      if (issuer === undefined || bearer.some((v) => v === undefined)) {
        throw new VariableProblem(
          'OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL must be given together (bearer tokens); OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET sign browsers in',
        );
      }
      if (secret !== undefined) {
        throw new VariableProblem('JWT_SECRET and OIDC_* exclude each other: tokens come from one place');
      }
      return { mode: 'oidc', issuer: issuer, audience: audience!, jwksUrl: jwksUrl!, algorithms };
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
  signIn: {
    idleMs: variable(
      'SESSION_IDLE_MINUTES',
      minutes(24 * 60),
      30 * 60_000,
      'a browser session unused this many minutes ends',
      '`30`',
    ),
    maxMs: variable(
      'SESSION_MAX_HOURS',
      then(integer(1, 7 * 24), (hours) => hours * 3_600_000),
      12 * 3_600_000,
      'a browser session ends this many hours after sign-in, however busy',
      '`12`',
    ),
    maxFailures: variable(
      'SIGN_IN_MAX_FAILURES',
      integer(1, 100),
      5,
      'wrong passwords in a row that lock a local account',
    ),
    lockMs: variable(
      'SIGN_IN_LOCK_MINUTES',
      minutes(24 * 60),
      15 * 60_000,
      'how many minutes a local account stays locked after too many wrong passwords',
      '`15`',
    ),
    oidc: combined(
      {
        clientId: variable(
          'OIDC_CLIENT_ID',
          text(),
          undefined,
          "this service's client at the OpenID Connect provider: with `OIDC_ISSUER` and `OIDC_CLIENT_SECRET`, browsers sign in there instead of with local accounts",
        ),
        clientSecret: variable('OIDC_CLIENT_SECRET', text(), undefined, "this service's client secret at the provider"),
        roleClaim: variable(
          'OIDC_ROLE_CLAIM',
          claimName('roles'),
          'roles',
          "the claim (ID token, else UserInfo) that holds the person's roles: a list or one string",
        ),
        roleMap: variable(
          'OIDC_ROLE_MAP',
          then(
            matching(
              new RegExp(`^${ROLE_PAIR}(,${ROLE_PAIR})*$`),
              '`providerRole=role,…`',
              `must be a comma-separated list of providerRole=role, each role one of ${ROLES.join(', ')}`,
            ),
            (list): Record<string, Role> =>
              Object.fromEntries(list.split(',').map((pair) => pair.split('=') as [string, Role])),
          ),
          undefined,
          "the provider's role names as the service's, e.g. `fam-handlaggare=secretary,fam-chef=administrator`",
          "none: the claim holds the service's own role names",
        ),
        supporterIdClaim: variable(
          'OIDC_SUPPORTER_ID_CLAIM',
          claimName('supporterId'),
          'supporterId',
          "the claim that holds a supporter's id in the supporter register",
        ),
      },
      ({ clientId, clientSecret, roleClaim, roleMap, supporterIdClaim }, given): OidcSignInConfig | undefined => {
        if (clientId === undefined && clientSecret === undefined) return undefined;
        if (given.OIDC_ISSUER === undefined || clientId === undefined || clientSecret === undefined) {
          throw new VariableProblem('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be given together');
        }
        return {
          issuer: given.OIDC_ISSUER,
          clientId,
          clientSecret,
          roleClaim,
          ...(roleMap ? { roleMap } : {}),
          supporterIdClaim,
        };
      },
    ),
  },
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
  shutdownDrainSeconds: variable(
    'SHUTDOWN_DRAIN_SECONDS',
    integer(0, 300),
    5,
    'on SIGTERM, how long /health/ready answers 503 while the process still serves, before the server closes and waits for the requests in flight',
  ),
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
    lockMs: variable(
      'MAIL_LOCK_MS',
      integer(1_000, 600_000),
      10_000,
      'how long a mail whose process died while sending it waits before another process sends it; a living process renews its hold at half this',
    ),
  },
};
