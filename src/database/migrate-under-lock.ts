import type { DataSource, Migration } from 'typeorm';

/** Any fixed number, the same in every process: the one lock migrating processes queue on. */
const MIGRATION_LOCK_KEY = 7_412_002;

/**
 * Brings the schema up to date, once however many processes start together: on PostgreSQL each
 * takes a session-level advisory lock first (giving up after `lockTimeoutSeconds` with a clear
 * error rather than hanging), so one migrates and the others, when their turn comes, find nothing
 * left to do. SQLite's write lock already serialises them.
 */
export async function migrateUnderLock(dataSource: DataSource, lockTimeoutSeconds: number): Promise<Migration[]> {
  if (dataSource.options.type !== 'postgres') return dataSource.runMigrations({ transaction: 'each' });
  const holder = dataSource.createQueryRunner();
  await holder.connect();
  try {
    await holder.query(`SET lock_timeout = '${lockTimeoutSeconds}s'`);
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    } catch (error) {
      throw new Error(
        `another process has been migrating this database for over ${lockTimeoutSeconds} s (MIGRATION_LOCK_TIMEOUT_SECONDS): ${(error as Error).message}`,
        { cause: error },
      );
    }
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await holder.release();
  }
}
