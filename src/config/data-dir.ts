import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InvalidConfigError, type AppConfig } from './app-config.js';

/** The secrets the embedded default generates into the data directory, by use. */
export const SECRET_FILES = {
  jwt: 'jwt-secret',
  personalDataKeys: 'personal-data-keys',
  personalDataHashKey: 'personal-data-hash-key',
  auditChainKey: 'audit-chain-key',
} as const;

const isOpenToOthers = (path: string) => (statSync(path).mode & 0o077) !== 0;

/** A key others on the host could read is no longer secret: the service stops instead of using it. */
export function refuseIfOpenToOthers(path: string): void {
  if (!isOpenToOthers(path)) return;
  const mode = (statSync(path).mode & 0o777).toString(8).padStart(4, '0');
  throw new InvalidConfigError(
    `Invalid configuration:\n  - ${path} is readable by others (mode ${mode}): restrict it with chmod 600 ${path}, and replace the secret if others may have read it`,
  );
}

/**
 * The data directory holds names, visit reports, uploaded judgments and the keys that protect
 * them. Everything the process creates is for its own user only (umask 077); the directory is
 * made 0700 and a SQLite database left readable by an earlier version is closed (both hold data,
 * not keys, so tightening them is enough); a generated secret open to others stops the start.
 */
export function secureDataDir(config: AppConfig): void {
  process.umask(0o077);
  const { dataDir } = config;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (isOpenToOthers(dataDir)) chmodSync(dataDir, 0o700);
  if (config.database.type === 'sqlite' && config.database.path !== ':memory:') {
    const { path } = config.database;
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const name of readdirSync(dir).filter((n) => n.startsWith(basename(path)))) {
      if (isOpenToOthers(join(dir, name))) chmodSync(join(dir, name), 0o600);
    }
  }
  const present = readdirSync(dataDir);
  for (const name of Object.values(SECRET_FILES).filter((n) => present.includes(n)))
    refuseIfOpenToOthers(join(dataDir, name));
}
