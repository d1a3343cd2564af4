import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { describeBaseline, recordedBaselines } from '../src/audit/audit-baseline.js';
import { verifyAuditTrail } from '../src/audit/audit-verification.js';
import { InvalidConfigError, loadConfig } from '../src/config/app-config.js';
import { standaloneDataSourceOptions } from '../src/entities.js';

/**
 * Checks the audit trail: its append-only triggers, its keyed hash chain from the first entry to
 * the last, and its end against the head exported outside the database; names the first entry
 * that was edited, removed or inserted. Exit code 0: intact; 1: broken; 2: could not check.
 * Run it with the service's DATA_DIR (or AUDIT_CHAIN_KEY and AUDIT_HEAD_PATH).
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const dataSource = new DataSource({ ...standaloneDataSourceOptions(config.database), migrationsRun: false });
  await dataSource.initialize();
  try {
    if (!(await dataSource.createQueryRunner().hasTable('audit_trail'))) {
      console.error('this database has no audit trail yet: start the service once to create it');
      return 2;
    }
    const verdict = await verifyAuditTrail(dataSource, config);
    if (verdict.intact) {
      console.log(`audit trail intact: ${verdict.entries} entries`);
      for (const baseline of await recordedBaselines(dataSource)) console.log(`  ${describeBaseline(baseline)}`);
      return 0;
    }
    console.error(`audit trail ${verdict.problem}`);
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
