import { readFileSync } from 'node:fs';
import { resolve, variablesOf, type Resolved } from './variable.js';
import { VARIABLES } from './variables.js';
import { productionProblems } from './production-checks.js';

export type { AuthConfig, DatabaseConfig, OidcSignInConfig } from './variables.js';

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
export type SignInConfig = AppConfig['signIn'];

export class InvalidConfigError extends Error {}

/** Reads and checks the configuration once, at boot, naming every bad variable and its rule at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const given = withFileValues(
    Object.fromEntries(
      Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
    ),
    problems,
  );
  const config = resolve(VARIABLES, given, problems);
  if (problems.length === 0 && config.production.on) problems.push(...productionProblems(config, given));
  if (problems.length > 0) {
    throw new InvalidConfigError(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return config;
}

/**
 * Every variable may be given as a file instead: `NAME_FILE` names a file holding the value (a
 * compose or Kubernetes secret mounted read-only), so a secret need not sit in the environment,
 * where `docker inspect` and crash reports show it. The file's last line break is dropped.
 */
function withFileValues(given: Record<string, string>, problems: string[]): Record<string, string> {
  const values = { ...given };
  for (const { name } of variablesOf(VARIABLES)) {
    const file = given[`${name}_FILE`];
    if (file === undefined) continue;
    if (given[name] !== undefined) {
      problems.push(`${name} and ${name}_FILE are both set: give the value one way`);
      continue;
    }
    try {
      values[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      problems.push(`${name}_FILE names ${file}, which cannot be read (${(error as NodeJS.ErrnoException).code})`);
    }
  }
  return values;
}

/** The injection token under which the validated configuration is provided. */
export const APP_CONFIG = Symbol('APP_CONFIG');
