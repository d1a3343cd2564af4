import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config/app-config.js';
import { standaloneDataSourceOptions } from './src/entities.js';

/**
 * The DataSource for the TypeORM CLI, e.g. `npx typeorm migration:show -d dist/ormconfig.js` after
 * `npm run build`; the service and `npm run migrate` build the same options without it.
 */
export default new DataSource(standaloneDataSourceOptions(loadConfig().database));
