import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const TABLES = ['visits', 'visit_reports'] as const;

/**
 * The key a device sends with a visit or a report (Idempotency-Key), kept with what it filed: a
 * phone that sends again after its connection returned, or after an answer it never got, files
 * nothing twice. Unique, so two sends at the same moment cannot both file.
 */
export class AddIdempotencyKeys1763900003770 implements MigrationInterface {
  name = 'AddIdempotencyKeys1763900003770';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.addColumn(
        table,
        new TableColumn({ name: 'idempotencyKey', type: 'varchar', length: '64', isNullable: true }),
      );
      await queryRunner.createIndex(
        table,
        new TableIndex({ name: `UQ_${table}_idempotency_key`, columnNames: ['idempotencyKey'], isUnique: true }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.dropIndex(table, `UQ_${table}_idempotency_key`);
      await queryRunner.dropColumn(table, 'idempotencyKey');
    }
  }
}
