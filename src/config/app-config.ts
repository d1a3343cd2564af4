import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { DEFAULT_REMINDER_DELAYS, type ReminderDelays } from '../../machines/deadline-rules.js';

/** The environment as it may be given; every variable is optional and has a default. */
class Environment {
  @IsOptional() @IsInt() @Min(1) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  SQLITE_PATH?: string;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ and - only' })
  QUEUE_PREFIX?: string;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @IsOptional() @IsInt() @Min(1) @Max(36)
  PERIOD_CAP_MONTHS?: number;

  @IsOptional() @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @IsInt() @Min(1)
  REMINDER_SUPPORTER_NOT_APPOINTED_DAYS?: number;

  @IsOptional() @IsInt() @Min(1)
  REMINDER_STARTUP_MEETING_NOT_HELD_DAYS?: number;

  @IsOptional() @IsInt() @Min(1)
  REMINDER_EVALUATION_NOT_SUBMITTED_DAYS?: number;

  @IsOptional() @IsInt() @Min(1)
  REMINDER_NOT_ARCHIVED_DAYS?: number;
}

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  /** Where Redis is expected; `explicit` says whether the operator named it (no private Redis then). */
  redis: { url: string; explicit: boolean };
  queuePrefix: string;
  dataDir: string;
  periodCapMonths: number;
  logLevel: string;
  reminderDelays: ReminderDelays;
}

export class InvalidConfigError extends Error {}

const INTEGER_VARIABLES = new Set([
  'PORT',
  'PERIOD_CAP_MONTHS',
  'REMINDER_SUPPORTER_NOT_APPOINTED_DAYS',
  'REMINDER_STARTUP_MEETING_NOT_HELD_DAYS',
  'REMINDER_EVALUATION_NOT_SUBMITTED_DAYS',
  'REMINDER_NOT_ARCHIVED_DAYS',
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

/** Reads and validates the configuration once, at boot. Nothing else reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = readEnvironment(env);
  const dataDir = e.DATA_DIR ?? './data';
  return {
    port: e.PORT ?? 3000,
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
      evaluationNotSubmitted:
        e.REMINDER_EVALUATION_NOT_SUBMITTED_DAYS ?? DEFAULT_REMINDER_DELAYS.evaluationNotSubmitted,
      notArchived: e.REMINDER_NOT_ARCHIVED_DAYS ?? DEFAULT_REMINDER_DELAYS.notArchived,
    },
  };
}

/** The injection token under which the validated configuration is provided. */
export const APP_CONFIG = Symbol('APP_CONFIG');
