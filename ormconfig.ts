import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config/app-config.js';
import { dataSourceOptions } from './src/database/data-source-options.js';

/** The DataSource for the TypeORM CLI (`npm run migration:*`); the app builds the same options. */
export default new DataSource(dataSourceOptions(loadConfig().database));
