import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { InvalidConfigError, loadConfig } from '../src/config/app-config.js';
import { standaloneDataSourceOptions } from '../src/entities.js';

/**
 * `npm run migrate`: brings the database's schema up to date and exits. Processes migrate at
 * start-up too; running this once first keeps several processes starting together from racing
 * to create the same tables.
 */
async function main(): Promise<void> {
  const dataSource = new DataSource({ ...standaloneDataSourceOptions(loadConfig().database), migrationsRun: false });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length === 0 ? 'schema up to date' : `applied ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
