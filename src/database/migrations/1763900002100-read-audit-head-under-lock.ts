import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL: the audit chain's lock and its head in one round trip (AuditTrail.appendWithin).
 * A function because one plain statement cannot do it: its snapshot is taken before the lock is
 * granted, so it would read the head as it stood before the appender it waited for. A VOLATILE
 * function's statements each take a fresh snapshot (in READ COMMITTED, the write transactions'
 * level), so the read after PERFORM sees every entry committed before the lock was granted.
 * SQLite runs one transaction at a time and needs no lock.
 */
export class ReadAuditHeadUnderLock1763900002100 implements MigrationInterface {
  name = 'ReadAuditHeadUnderLock1763900002100';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    await queryRunner.query(
      'CREATE FUNCTION audit_chain_head(lock_key bigint) RETURNS TABLE (seq integer, hash varchar) LANGUAGE plpgsql VOLATILE AS $$ ' +
        'BEGIN PERFORM pg_advisory_xact_lock(lock_key); ' +
        'RETURN QUERY SELECT e.seq, e.hash FROM audit_trail e ORDER BY e.seq DESC LIMIT 1; END $$',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    await queryRunner.query('DROP FUNCTION audit_chain_head(bigint)');
  }
}
