import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { InvalidConfigError, loadConfig } from '../src/config/app-config.js';
import { standaloneDataSourceOptions } from '../src/entities.js';
import { migrateUnderLock } from '../src/database/migrate-under-lock.js';

/**
 * `npm run migrate`: brings the database's schema up to date and exits: the one-shot step of a
 * deployment whose processes run with MIGRATE_AT_START=false and a role that may not change the
 * schema. It takes the same lock as a process migrating at start.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource({ ...standaloneDataSourceOptions(config.database), migrationsRun: false });
  await dataSource.initialize();
  try {
    const applied = await migrateUnderLock(dataSource, config.migrations.lockTimeoutSeconds);
    console.log(applied.length === 0 ? 'schema up to date' : `applied ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
