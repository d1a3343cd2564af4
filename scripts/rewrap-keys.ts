import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { InvalidConfigError, loadConfig } from '../src/config/app-config.js';
import { standaloneDataSourceOptions } from '../src/entities.js';
import { PersonnummerProtector } from '../src/personal-data/personnummer-protector.service.js';
import { rewrapSealed } from '../src/personal-data/sealed-columns.js';

/**
 * `npm run keys:rewrap`: re-seals every value sealed with the personal-data keys (every column the
 * entities declare @Sealed: personnummer, addresses, …) under the current key, the first of
 * PERSONAL_DATA_KEYS, and reports how many values each key id still seals. Run it with the
 * service's configuration after putting a new key first; a key id that seals 0 values may then be
 * removed from the list. Exit code 0: done; 2: failed.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource(standaloneDataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    const protector = new PersonnummerProtector(config);
    const outcome = await rewrapSealed(dataSource, protector);
    for (const { name, rewrapped, values } of outcome.columns)
      console.log(`${name}: ${rewrapped} of ${values} values re-sealed under ${protector.keyIds()[0]}`);
    for (const keyId of new Set([...protector.keyIds(), ...Object.keys(outcome.byKeyId)]))
      console.log(`key id ${keyId} seals ${outcome.byKeyId[keyId] ?? 0} values`);
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
