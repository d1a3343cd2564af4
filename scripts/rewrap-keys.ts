import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { InvalidConfigError, loadConfig } from '../src/config/app-config.js';
import { standaloneDataSourceOptions } from '../src/entities.js';
import { PersonnummerProtector } from '../src/personal-data/personnummer-protector.service.js';
import { rewrapPersonnummer } from '../src/cases/personnummer-rewrap.js';

/**
 * `npm run keys:rewrap`: re-encrypts every stored personnummer under the current key (the first
 * of PERSONAL_DATA_KEYS). Run it with the service's configuration after putting a new key first;
 * once it reports 0 left, the old key can be removed from the list. Exit code 0: done; 2: failed.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource(standaloneDataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    const outcome = await rewrapPersonnummer(dataSource, new PersonnummerProtector(config));
    console.log(
      `${outcome.rewrapped} of ${outcome.parties} personnummer re-encrypted under the current key; 0 left under older keys`,
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
