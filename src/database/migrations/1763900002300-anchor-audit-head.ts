import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_HEAD_SQL } from '../audit-protection.js';

/**
 * PostgreSQL: the audit chain's head kept in a row of its own (`audit_head`), which the insert
 * into the trail advances in the same commit (a statement trigger, SECURITY DEFINER so the
 * service's role needs no right to write the row) and which never moves back: lowering it takes
 * the owner's role and an explicit baseline (acceptBaseline). The service compares the trail's
 * end with it, and with the head file, before every append; audit_chain_head now returns what
 * that comparison needs in the same round trip as the lock. SQLite keeps its head in the file only.
 */
export class AnchorAuditHead1763900002300 implements MigrationInterface {
  name = 'AnchorAuditHead1763900002300';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    await queryRunner.query('DROP FUNCTION audit_chain_head(bigint)');
    for (const statement of AUDIT_HEAD_SQL) await queryRunner.query(statement);
    await queryRunner.query(
      `INSERT INTO audit_head (id, seq, hash) SELECT 1, COALESCE(MAX(seq), 0), ` +
        `COALESCE((SELECT hash FROM audit_trail ORDER BY seq DESC LIMIT 1), repeat('0', 64)) FROM audit_trail`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    await queryRunner.query('DROP TRIGGER audit_trail_advance_head ON audit_trail');
    await queryRunner.query('DROP TABLE audit_head');
    await queryRunner.query('DROP FUNCTION audit_head_advance()');
    await queryRunner.query('DROP FUNCTION audit_head_forward_only()');
    await queryRunner.query('DROP FUNCTION audit_chain_head(bigint, integer)');
    await queryRunner.query(
      'CREATE FUNCTION audit_chain_head(lock_key bigint) RETURNS TABLE (seq integer, hash varchar) LANGUAGE plpgsql VOLATILE AS $$ ' +
        'BEGIN PERFORM pg_advisory_xact_lock(lock_key); ' +
        'RETURN QUERY SELECT e.seq, e.hash FROM audit_trail e ORDER BY e.seq DESC LIMIT 1; END $$',
    );
  }
}
