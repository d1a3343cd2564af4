import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { extract } from 'tar';
import { InvalidConfigError, type AppConfig } from '../config/app-config.js';
import { openArchive } from './backup-archive.js';
import { DATABASE_FILE, MANIFEST_FILE, SECRETS_DIR, type BackupManifest } from './backup-contents.js';

/** A restore that would overwrite data or cannot use the archive: nothing was written. */
export class RestoreRefusedError extends Error {}

export interface RestoreOptions {
  /** Keep a non-empty data directory aside (renamed) instead of refusing. */
  replace: boolean;
  now?: Date;
}

export interface RestoreOutcome {
  manifest: BackupManifest;
  /** Where the data directory that was there before now lies, when `replace` moved it. */
  keptAside?: string;
}

async function isEmptyDir(path: string): Promise<boolean> {
  if (!existsSync(path)) return true;
  return (await readdir(path)).length === 0;
}

async function readManifest(dir: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  if (manifest.format !== 1 || !existsSync(join(dir, DATABASE_FILE)))
    throw new RestoreRefusedError('the archive does not hold a database this version can restore');
  for (const name of manifest.secrets)
    if (!existsSync(join(dir, SECRETS_DIR, name)))
      throw new RestoreRefusedError(`the archive names the secret ${name} but does not hold it`);
  return manifest;
}

/**
 * `npm run restore`: opens the archive, checks it whole, and lays the database and its secrets out
 * as the data directory the configuration names. Everything is unpacked beside the target first
 * and moved into place by one rename, so a refused archive, or a failure half-way, leaves the
 * target as it was. A non-empty target is refused unless `replace`, and then kept aside.
 */
export async function restoreBackup(
  config: AppConfig,
  from: string,
  passphrase: string,
  options: RestoreOptions,
): Promise<RestoreOutcome> {
  if (config.database.type !== 'sqlite' || config.database.path === ':memory:')
    throw new InvalidConfigError(
      'npm run restore lays out the embedded SQLite database; for PostgreSQL use pg_restore, then npm run restore -- --postgres-restored (docs/backup.md)',
    );
  const target = resolve(config.dataDir);
  const databaseIn = relative(target, resolve(config.database.path));
  if (databaseIn.startsWith('..'))
    throw new RestoreRefusedError('SQLITE_PATH lies outside DATA_DIR: restore into a DATA_DIR that holds the database');
  if (!options.replace && !(await isEmptyDir(target)))
    throw new RestoreRefusedError(
      `${target} is not empty: restore into an empty data directory, or pass --replace to keep the present one aside`,
    );
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.restoring-`));
  try {
    const payload = join(staging, 'payload.tar.gz');
    await openArchive(resolve(from), passphrase, payload);
    const unpacked = join(staging, 'unpacked');
    await mkdir(unpacked, { mode: 0o700 });
    await extract({ file: payload, cwd: unpacked, strict: true });
    const manifest = await readManifest(unpacked);
    const laidOut = join(staging, 'data');
    await mkdir(dirname(join(laidOut, databaseIn)), { recursive: true, mode: 0o700 });
    await rename(join(unpacked, DATABASE_FILE), join(laidOut, databaseIn));
    await chmod(join(laidOut, databaseIn), 0o600);
    for (const name of manifest.secrets)
      await writeFile(join(laidOut, name), await readFile(join(unpacked, SECRETS_DIR, name)), { mode: 0o600 });
    let keptAside: string | undefined;
    if (await isEmptyDir(target)) await rm(target, { recursive: true, force: true });
    else {
      keptAside = `${target}.replaced-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
      await rename(target, keptAside);
    }
    await rename(laidOut, target);
    return { manifest, keptAside };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
