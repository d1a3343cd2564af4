import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { acceptBaseline } from '../src/audit/audit-baseline.js';
import { InvalidConfigError, loadConfig } from '../src/config/app-config.js';
import { standaloneDataSourceOptions } from '../src/entities.js';

/**
 * `npm run audit:accept-baseline -- --operator <name> --reason <why>`: after a cut tail was found
 * (the service refuses audited requests, /health is down) and looked into, makes the trail's
 * present end its new baseline and records in the trail who accepted which gap. Run it with the
 * service's configuration (on PostgreSQL as the schema's owner). Exit code 0: accepted; 2: not.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { operator: { type: 'string' }, reason: { type: 'string' } } });
  if (!values.operator || !values.reason)
    throw new Error('usage: npm run audit:accept-baseline -- --operator <name> --reason <why>');
  const config = loadConfig();
  const dataSource = new DataSource({ ...standaloneDataSourceOptions(config.database), migrationsRun: false });
  await dataSource.initialize();
  try {
    const { baseline, exported, entry } = await acceptBaseline(dataSource, config, {
      operator: values.operator,
      reason: values.reason,
    });
    for (const { where, head } of exported)
      console.log(
        head.seq > baseline.seq
          ? `${where} named entry ${head.seq}: entries ${baseline.seq + 1}–${head.seq} are gone`
          : `${where} named entry ${head.seq}`,
      );
    console.log(
      `entry ${baseline.seq} accepted as the audit trail's baseline by ${values.operator}, recorded as entry ${entry.seq}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof InvalidConfigError || error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
