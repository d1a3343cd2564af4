import { parseArgs } from 'node:util';
import { restoreBackup } from '../src/backup/restore.js';
import { describeManifest } from '../src/backup/backup-contents.js';
import { loadConfig } from '../src/config/app-config.js';
import { backupPassphrase, runCommand } from '../src/backup/backup-command.js';

/**
 * `npm run restore -- --from FILE [--replace]`: restores a backup into the (empty) DATA_DIR.
 * Exit code 0: restored; 2: refused or failed, the data directory as it was.
 */
runCommand(async () => {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, replace: { type: 'boolean', default: false } },
  });
  if (!values.from) throw new Error('usage: npm run restore -- --from FILE [--replace]');
  const config = loadConfig();
  const outcome = await restoreBackup(config, values.from, backupPassphrase(), { replace: values.replace });
  console.log(`restored into ${config.dataDir}`);
  if (outcome.keptAside) console.log(`the data directory that was there is kept at ${outcome.keptAside}`);
  console.log(describeManifest(outcome.manifest));
});
