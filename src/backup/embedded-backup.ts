import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { create as createTar } from 'tar';
import { InvalidConfigError, type AppConfig } from '../config/app-config.js';
import { sealArchive } from './backup-archive.js';
import { DATABASE_FILE, MANIFEST_FILE, SECRETS_DIR, secretsToKeep, type BackupManifest } from './backup-contents.js';
import { describeDatabase } from './database-copy.repository.js';
import { recordBackupTaken } from './backup-status.js';

export interface BackupOutcome {
  manifest: BackupManifest;
  path: string;
  bytes: number;
}

/**
 * `npm run backup`: a consistent copy of the embedded database taken with SQLite's online backup
 * API while the service goes on writing (a file copy of a database in WAL mode can be torn), the
 * secrets it needs to be read, and a manifest, packed and sealed under the passphrase. The plain
 * copy only ever lies in a private folder inside the data directory, removed when done.
 */
export async function takeBackup(
  config: AppConfig,
  to: string,
  passphrase: string,
  now = new Date(),
): Promise<BackupOutcome> {
  if (config.database.type !== 'sqlite' || config.database.path === ':memory:')
    throw new InvalidConfigError(
      'npm run backup copies the embedded SQLite database; for PostgreSQL use pg_dump (docs/backup.md)',
    );
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const staging = await mkdtemp(join(config.dataDir, '.backup-'));
  try {
    const live = new Database(config.database.path, { fileMustExist: true, timeout: 5000 });
    try {
      await live.backup(join(staging, DATABASE_FILE));
    } finally {
      live.close();
    }
    const secrets = secretsToKeep(config);
    await mkdir(join(staging, SECRETS_DIR), { mode: 0o700 });
    for (const [name, value] of secrets)
      await writeFile(join(staging, SECRETS_DIR, name), `${value}\n`, { mode: 0o600 });
    const manifest: BackupManifest = {
      format: 1,
      takenAt: now.toISOString(),
      ...describeDatabase(join(staging, DATABASE_FILE)),
      secrets: [...secrets.keys()],
    };
    await writeFile(join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2), { mode: 0o600 });
    const payload = createTar({ gzip: true, cwd: staging, portable: true }, [
      MANIFEST_FILE,
      DATABASE_FILE,
      SECRETS_DIR,
    ]);
    const path = resolve(to);
    // tar's streams are Minipass streams: Readable.from gives the pipeline a Node stream with back-pressure.
    await sealArchive(Readable.from(payload), path, passphrase);
    await recordBackupTaken(config.dataDir, { takenAt: manifest.takenAt, path, auditHead: manifest.auditHead });
    return { manifest, path, bytes: (await stat(path)).size };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
