import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { portableColumns } from './portable-columns.js';

/**
 * What each payroll export covered: a visit logged after its month was exported is paid in the
 * next export, and none is paid twice (one row per visit, its id the key).
 */
export class CompensationExports1763900003700 implements MigrationInterface {
  name = 'CompensationExports1763900003700';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { id, text, at } = portableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'compensation_exports',
        columns: [{ ...id(), isPrimary: true }, text('month', 7), at('exportedAt'), text('exportedBy', 120)],
        indices: [{ name: 'IDX_compensation_exports_month', columnNames: ['month'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'compensation_exported_visits',
        columns: [{ ...id('visitId'), isPrimary: true }, id('exportId')],
        indices: [{ name: 'IDX_compensation_exported_visits_export', columnNames: ['exportId'] }],
        foreignKeys: [
          { columnNames: ['exportId'], referencedTableName: 'compensation_exports', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('compensation_exported_visits');
    await queryRunner.dropTable('compensation_exports');
  }
}
