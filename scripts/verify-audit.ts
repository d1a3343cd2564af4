import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { verifyChain } from '../src/audit/audit-chain.js';
import { readTrail } from '../src/audit/audit-trail.service.js';
import { InvalidConfigError, loadConfig } from '../src/config/app-config.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';

/**
 * Checks the audit trail's hash chain from its first entry to its last and names the first entry
 * that was edited, removed or inserted. Exit code 0: intact; 1: broken; 2: could not check.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const dataSource = new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false });
  await dataSource.initialize();
  try {
    if (!(await dataSource.createQueryRunner().hasTable('audit_trail'))) {
      console.error('this database has no audit trail yet: start the service once to create it');
      return 2;
    }
    const verdict = await verifyChain(readTrail(dataSource.manager));
    if (verdict.intact) {
      console.log(`audit trail intact: ${verdict.entries} entries`);
      return 0;
    }
    console.error(`audit trail BROKEN at entry ${verdict.brokenAt}: ${verdict.reason} (${verdict.entries} entries before it are intact)`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof InvalidConfigError || error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
