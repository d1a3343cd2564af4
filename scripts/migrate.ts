import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { InvalidConfigError, loadConfig } from '../src/config/app-config.js';
import { standaloneDataSourceOptions } from '../src/entities.js';
import { migrateUnderLock } from '../src/database/migrate-under-lock.js';
import { grantRuntimeRole } from '../src/database/runtime-grants.js';

/**
 * `npm run migrate`: brings the database's schema up to date and exits: the one-shot step of a
 * deployment whose processes run with MIGRATE_AT_START=false and a role that may not change the
 * schema. It takes the same lock as a process migrating at start. `-- --grant-to ROLE` then gives
 * that runtime role its rights (runtime-grants.ts).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource({ ...standaloneDataSourceOptions(config.database), migrationsRun: false });
  await dataSource.initialize();
  try {
    const applied = await migrateUnderLock(dataSource, config.migrations.lockTimeoutSeconds);
    const { values } = parseArgs({ options: { 'grant-to': { type: 'string' } } });
    if (values['grant-to']) {
      await grantRuntimeRole(dataSource, values['grant-to']);
      console.log(`granted the runtime rights to ${values['grant-to']}`);
    }
    console.log(applied.length === 0 ? 'schema up to date' : `applied ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
