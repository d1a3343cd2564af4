import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { extract } from 'tar';
import { DataSource } from 'typeorm';
import { InvalidConfigError, type AppConfig } from '../config/app-config.js';
import { openArchive } from './backup-archive.js';
import { acceptBaseline, type AcceptedBaseline } from '../audit/audit-baseline.js';
import { standaloneDataSourceOptions } from '../entities.js';
import { DATABASE_FILE, MANIFEST_FILE, SECRETS_DIR, type BackupManifest } from './backup-contents.js';

/** A restore that would overwrite data or cannot use the archive: nothing was written. */
export class RestoreRefusedError extends Error {}

export interface RestoreOptions {
  /** Keep a non-empty data directory aside (renamed) instead of refusing. */
  replace: boolean;
  /** Who restores: recorded in the audit trail. */
  operator: string;
  now?: Date;
}

export interface RestoreOutcome {
  manifest: BackupManifest;
  /** The restore's entry in the audit trail, and the heads exported before it that the backup falls short of. */
  trail: AcceptedBaseline;
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
    await mkdir(laidOut, { mode: 0o700 });
    await mkdir(dirname(join(laidOut, databaseIn)), { recursive: true, mode: 0o700 });
    await rename(join(unpacked, DATABASE_FILE), join(laidOut, databaseIn));
    await chmod(join(laidOut, databaseIn), 0o600);
    for (const name of manifest.secrets)
      await writeFile(join(laidOut, name), await readFile(join(unpacked, SECRETS_DIR, name)), { mode: 0o600 });
    const trail = await recordRestore(stagedAt(config, config.database.path, target, laidOut), manifest, options);
    let keptAside: string | undefined;
    if (await isEmptyDir(target)) await rm(target, { recursive: true, force: true });
    else {
      keptAside = `${target}.replaced-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
      await rename(target, keptAside);
    }
    await rename(laidOut, target);
    return { manifest, trail, keptAside };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * The configuration as it reads the data directory laid out in `laidOut` before it moves into
 * place. The head the replaced installation last exported, when it kept it in its data directory,
 * is carried over, so the restore's trail entry names the entries the backup lacks; a head file
 * outside the data directory is the one the restore moves on.
 */
function stagedAt(config: AppConfig, databasePath: string, target: string, laidOut: string): AppConfig {
  const inside = (path: string) => {
    const within = relative(target, resolve(path));
    return within.startsWith('..') ? undefined : join(laidOut, within);
  };
  const headPath = inside(config.audit.headPath);
  if (headPath && existsSync(resolve(config.audit.headPath))) {
    mkdirSync(dirname(headPath), { recursive: true, mode: 0o700 });
    copyFileSync(resolve(config.audit.headPath), headPath);
  }
  return {
    ...config,
    dataDir: laidOut,
    database: { type: 'sqlite', path: inside(databasePath)! },
    audit: { ...config.audit, headPath: headPath ?? config.audit.headPath },
  };
}

/**
 * Records in the audit trail that the installation was restored, from a backup taken when, at
 * which head, by whom; the backup's end becomes the trail's baseline (acceptBaseline), so the
 * service appends after it instead of refusing the shorter trail as a cut, and the entry says
 * which exported heads it falls short of.
 */
async function recordRestore(
  config: AppConfig,
  manifest: BackupManifest,
  options: RestoreOptions,
): Promise<AcceptedBaseline> {
  const dataSource = new DataSource(standaloneDataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    const head = manifest.auditHead ? `entry ${manifest.auditHead.seq}` : 'an empty trail';
    return await acceptBaseline(
      dataSource,
      config,
      { operator: options.operator, reason: `restored from a backup taken ${manifest.takenAt} at ${head}` },
      options.now,
    );
  } finally {
    await dataSource.destroy();
  }
}
