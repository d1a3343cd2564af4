import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { migrateUnderLock } from './migrate-under-lock.js';
import { TransactionRunner } from './transaction-runner.service.js';

/** The migration settings, carried to the data source factory inside its options (which it receives copied). */
const MIGRATIONS_AT_START = Symbol('migrations at start');
type WithMigrations = DataSourceOptions & { [MIGRATIONS_AT_START]: AppConfig['migrations'] };

/** The database, migrated at start-up (unless MIGRATE_AT_START is off), and the one way to write to it: a transaction per change. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // Each feature module registers its entities with TypeOrmModule.forFeature; the database knows none.
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database, config.postgres),
        migrationsRun: false,
        autoLoadEntities: true,
        [MIGRATIONS_AT_START]: config.migrations,
      }),
      // Migrated here rather than by TypeORM's migrationsRun, under a lock, so processes starting together migrate once.
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        const migrations = (options as WithMigrations)[MIGRATIONS_AT_START];
        if (migrations.atStart) await migrateUnderLock(dataSource, migrations.lockTimeoutSeconds);
        return dataSource;
      },
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
