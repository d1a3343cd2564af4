import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChainHead } from '../audit/audit-chain.js';

/** The last backup taken of this installation, kept beside the data it copied. */
export interface BackupTaken {
  takenAt: string;
  path: string;
  auditHead: ChainHead | null;
}

const STATUS_FILE = 'last-backup.json';

export async function recordBackupTaken(dataDir: string, taken: BackupTaken): Promise<void> {
  const path = join(dataDir, STATUS_FILE);
  await writeFile(`${path}.partial`, JSON.stringify(taken), { mode: 0o600 });
  await rename(`${path}.partial`, path);
}

/** The last backup recorded in `dataDir`, or none when no backup was ever taken there. */
export async function lastBackupTaken(dataDir: string): Promise<BackupTaken | undefined> {
  try {
    return JSON.parse(await readFile(join(dataDir, STATUS_FILE), 'utf8')) as BackupTaken;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
