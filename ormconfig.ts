import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config/app-config.js';
import { standaloneDataSourceOptions } from './src/entities.js';

/** The DataSource for the TypeORM CLI (`npm run migration:*`); the app builds the same options. */
export default new DataSource(standaloneDataSourceOptions(loadConfig().database));
