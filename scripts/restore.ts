import 'reflect-metadata';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { acceptBaseline } from '../src/audit/audit-baseline.js';
import { restoreBackup } from '../src/backup/restore.js';
import { describeManifest } from '../src/backup/backup-contents.js';
import { loadConfig } from '../src/config/app-config.js';
import { standaloneDataSourceOptions } from '../src/entities.js';
import { backupPassphrase, runCommand } from '../src/backup/backup-command.js';

const USAGE =
  'usage: npm run restore -- --from FILE [--replace] [--operator NAME]\n       npm run restore -- --postgres-restored [--operator NAME]';

/**
 * `npm run restore -- --from FILE [--replace]`: restores a backup into the (empty) DATA_DIR and
 * records the restore in the audit trail. `--postgres-restored`, after pg_restore: records it for
 * the restored PostgreSQL database. Exit code 0: restored; 2: refused or failed.
 */
runCommand(async () => {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      replace: { type: 'boolean', default: false },
      'postgres-restored': { type: 'boolean', default: false },
      operator: { type: 'string', default: userInfo().username },
    },
  });
  const config = loadConfig();
  if (values['postgres-restored']) {
    if (values.from || config.database.type !== 'postgres') throw new Error(USAGE);
    const dataSource = new DataSource(standaloneDataSourceOptions(config.database));
    await dataSource.initialize();
    try {
      const { baseline, entry } = await acceptBaseline(dataSource, config, {
        operator: values.operator,
        reason: 'restored from a dump with pg_restore',
      });
      console.log(`restore recorded as audit entry ${entry.seq}, the trail carried on from entry ${baseline.seq}`);
    } finally {
      await dataSource.destroy();
    }
    return;
  }
  if (!values.from) throw new Error(USAGE);
  const outcome = await restoreBackup(config, values.from, backupPassphrase(), {
    replace: values.replace,
    operator: values.operator,
  });
  console.log(`restored into ${config.dataDir}`);
  if (outcome.keptAside) console.log(`the data directory that was there is kept at ${outcome.keptAside}`);
  console.log(describeManifest(outcome.manifest));
  console.log(
    `restore recorded as audit entry ${outcome.trail.entry.seq}, the trail carried on from entry ${outcome.trail.baseline.seq}`,
  );
});
