import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppConfig } from './app-config.js';

/** The values `.env.example` ships with: published in the repository, so never a secret. */
function exampleValues(): Set<string> {
  try {
    const text = readFileSync(join(projectRoot(), '.env.example'), 'utf8');
    return new Set(
      text
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .flatMap((line) => line.slice(line.indexOf('=') + 1).split(','))
        .map((value) => value.replace(/^[A-Za-z0-9_-]{1,32}:(?=[A-Za-z0-9+/]{43}=$)/, '')),
    );
  } catch {
    return new Set();
  }
}

/** The folder of the service's package.json, from here in the sources or in dist/. */
function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function weakKey(name: string, base64: string): string | undefined {
  const key = Buffer.from(base64, 'base64');
  if (key.length < 32) return `${name} is shorter than 32 bytes`;
  if (key.every((byte) => byte === key[0])) return `${name} is one byte repeated (an all-zero or example key)`;
  return undefined;
}

/**
 * What production mode refuses, each named: secrets that are examples, weak or generated into the
 * data directory (a secret on the same disk as the data it protects, and in no secret store), a
 * public address on this machine (every mail link would point at 127.0.0.1), local HS256 token
 * sign-in and SQLite unless explicitly allowed. Never the values themselves.
 */
export function productionProblems(config: AppConfig, given: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const examples = exampleValues();
  const isExample = (value: string | undefined) => value !== undefined && examples.has(value);

  const keys = config.personalData.keys;
  if (keys === undefined)
    problems.push('PERSONAL_DATA_KEYS is not set: production does not run on keys generated into DATA_DIR');
  else
    for (const item of keys.split(',')) {
      const [id, key] = item.split(':');
      if (isExample(key)) problems.push(`PERSONAL_DATA_KEYS key ${id} is the example value from .env.example`);
      else {
        const weak = weakKey(`PERSONAL_DATA_KEYS key ${id}`, key);
        if (weak) problems.push(weak);
      }
    }
  for (const [name, value] of [
    ['PERSONAL_DATA_HASH_KEY', config.personalData.hashKey],
    ['AUDIT_CHAIN_KEY', config.audit.key],
  ] as const) {
    if (value === undefined)
      problems.push(`${name} is not set: production does not run on a key generated into DATA_DIR`);
    else if (isExample(value)) problems.push(`${name} is the example value from .env.example`);
    else {
      const weak = weakKey(name, value);
      if (weak) problems.push(weak);
    }
  }

  if (config.auth.mode === 'local') {
    if (!config.production.allowLocalSignIn)
      problems.push(
        'tokens are signed with the local HS256 secret: configure OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL, or set ALLOW_LOCAL_SIGN_IN=true',
      );
    if (config.auth.secret === undefined)
      problems.push('JWT_SECRET is not set: production does not run on a secret generated into DATA_DIR');
    else if (isExample(config.auth.secret)) problems.push('JWT_SECRET is the example value from .env.example');
  }

  if (config.database.type === 'sqlite' && !config.production.allowSqlite)
    problems.push(
      'DATABASE_URL is not set: production runs on PostgreSQL, or set ALLOW_SQLITE=true for the embedded database',
    );
  if (config.database.type === 'postgres') {
    const password = decodeURIComponent(new URL(config.database.url).password);
    if (isExample(password)) problems.push("DATABASE_URL's password is the example value from .env.example");
  }

  if (isExample(given.OIDC_ISSUER)) problems.push('OIDC_ISSUER is the example value from .env.example');
  const publicHost = new URL(config.notifications.publicBaseUrl).hostname;
  if (isExample(given.PUBLIC_BASE_URL)) problems.push('PUBLIC_BASE_URL is the example value from .env.example');
  if (given.PUBLIC_BASE_URL === undefined || /^(127\.|localhost$|\[::1\]$|0\.0\.0\.0$)/.test(publicHost))
    problems.push(
      'PUBLIC_BASE_URL must be the address users reach the service at, not this machine: links in mail and the calendar start with it',
    );
  return problems;
}

/** The start-up line of production mode: what it runs on, never a secret. */
export function startupFacts(config: AppConfig): Record<string, unknown> {
  return {
    production: config.production.on,
    database: config.database.type,
    signIn: config.auth.mode === 'local' ? 'local HS256 tokens' : 'OpenID Connect tokens',
    browserSignIn: config.signIn.oidc ? 'OpenID Connect (authorization code)' : 'local accounts (npm run user:add)',
    personalDataKeyIds: (config.personalData.keys ?? 'k1').split(',').map((item) => item.split(':')[0]),
    publicBaseUrl: config.notifications.publicBaseUrl,
  };
}
