import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChainHead } from '../audit/audit-chain.js';
import type { AppConfig } from '../config/app-config.js';
import { SECRET_FILES } from '../config/data-dir.js';

/** What an archive holds, as its manifest.json says and the backup prints. */
export interface BackupManifest {
  format: 1;
  takenAt: string;
  cases: number;
  auditEntries: number;
  /** The newest audit entry in the copied database: the baseline a restore carries the trail on from. */
  auditHead: ChainHead | null;
  /** The newest migration the copy has run. */
  migration: string | null;
  /** The secrets' file names, as the data directory keeps them. */
  secrets: string[];
}

export const DATABASE_FILE = 'database.sqlite';
export const MANIFEST_FILE = 'manifest.json';
export const SECRETS_DIR = 'secrets';

/**
 * The secrets a restored installation needs to read what the database holds, by the file name the
 * data directory keeps them under: a value given in the environment, else the generated file.
 * Without the personal-data keys no personnummer or address opens again; without the chain key
 * the trail cannot be verified.
 */
export function secretsToKeep(config: AppConfig): Map<string, string> {
  const configured: Record<string, string | undefined> = {
    [SECRET_FILES.jwt]: config.auth.mode === 'local' ? config.auth.secret : undefined,
    [SECRET_FILES.personalDataKeys]: config.personalData.keys,
    [SECRET_FILES.personalDataHashKey]: config.personalData.hashKey,
    [SECRET_FILES.auditChainKey]: config.audit.key,
  };
  const secrets = new Map<string, string>();
  for (const name of Object.values(SECRET_FILES)) {
    const file = join(config.dataDir, name);
    const value = configured[name] ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
    if (value !== undefined) secrets.set(name, value);
  }
  return secrets;
}

export function describeManifest(manifest: BackupManifest): string {
  const head = manifest.auditHead
    ? `entry ${manifest.auditHead.seq} (${manifest.auditHead.hash.slice(0, 16)}…)`
    : 'none';
  return [
    `taken at ${manifest.takenAt}`,
    `${manifest.cases} cases, ${manifest.auditEntries} audit entries, audit head ${head}`,
    `secrets: ${manifest.secrets.join(', ') || 'none'}`,
  ].join('\n');
}
