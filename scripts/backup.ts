import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { takeBackup } from '../src/backup/embedded-backup.js';
import { describeManifest } from '../src/backup/backup-contents.js';
import { keepNewest, scheduledBackupPath } from '../src/backup/backup-rotation.js';
import { loadConfig } from '../src/config/app-config.js';
import { backupPassphrase, runCommand } from '../src/backup/backup-command.js';

const USAGE = 'usage: npm run backup -- --to FILE | --to-dir DIR [--keep N]';

/**
 * `npm run backup -- --to FILE` (or `--to-dir DIR --keep N` from a timer): an encrypted online
 * backup of the embedded database with the keys and secrets it needs, under the passphrase in
 * BACKUP_PASSPHRASE (or BACKUP_PASSPHRASE_FILE). Exit code 0: written; 2: refused or failed.
 */
runCommand(async () => {
  const { values } = parseArgs({
    options: { to: { type: 'string' }, 'to-dir': { type: 'string' }, keep: { type: 'string' } },
  });
  const dir = values['to-dir'];
  if ((values.to === undefined) === (dir === undefined)) throw new Error(USAGE);
  const keep = values.keep === undefined ? undefined : Number(values.keep);
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1 || !dir))
    throw new Error(`--keep takes a whole number of at least 1, with --to-dir\n${USAGE}`);
  const passphrase = backupPassphrase();
  if (dir) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const outcome = await takeBackup(loadConfig(), values.to ?? scheduledBackupPath(dir!, new Date()), passphrase);
  console.log(`backup written to ${outcome.path} (${outcome.bytes} bytes, mode 0600)`);
  console.log(describeManifest(outcome.manifest));
  if (dir && keep)
    for (const removed of await keepNewest(dir, keep)) console.log(`removed the older backup ${removed}`);
});
