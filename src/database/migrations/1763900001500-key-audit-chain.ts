import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail names what within a case was read or changed (`subject`) and says how each
 * entry's hash was made (`scheme`): entries written so far keep scheme 1 (unkeyed) and still
 * verify; new ones are keyed. Plain ALTER TABLE on both databases: TypeORM's SQLite addColumn
 * copies the table, which would drop its append-only triggers.
 */
export class KeyAuditChain1763900001500 implements MigrationInterface {
  name = 'KeyAuditChain1763900001500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_trail ADD COLUMN subject varchar(80)');
    await queryRunner.query('ALTER TABLE audit_trail ADD COLUMN scheme integer NOT NULL DEFAULT 1');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_trail DROP COLUMN scheme');
    await queryRunner.query('ALTER TABLE audit_trail DROP COLUMN subject');
  }
}
