import { resolve, type Resolved } from './variable.js';
import { VARIABLES } from './variables.js';

export type { AuthConfig, DatabaseConfig } from './variables.js';

/**
 * The configuration the service runs with: the shape of the declarations in ./variables.ts, each
 * variable read and checked. Nothing but `loadConfig` reads `process.env`.
 */
export type AppConfig = Resolved<typeof VARIABLES> & {
  /** Where log lines go instead of stdout (tests capture them to prove no personnummer is logged). */
  logStream?: NodeJS.WritableStream;
};

export type NotificationConfig = AppConfig['notifications'];
export type DeadlineDeliveryConfig = AppConfig['deadlines'];

export class InvalidConfigError extends Error {}

/** Reads and checks the configuration once, at boot, naming every bad variable and its rule at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const given = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
  const problems: string[] = [];
  const config = resolve(VARIABLES, given, problems);
  if (problems.length > 0) {
    throw new InvalidConfigError(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return config;
}

/** The injection token under which the validated configuration is provided. */
export const APP_CONFIG = Symbol('APP_CONFIG');
