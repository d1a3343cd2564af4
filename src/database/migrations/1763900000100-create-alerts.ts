import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { portableColumns } from './portable-columns.js';

/** Alerts: what reminders and failing deadlines raise for a case's secretary. */
export class CreateAlerts1763900000100 implements MigrationInterface {
  name = 'CreateAlerts1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { text, at } = portableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'alerts',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('caseId', 36),
          text('kind', 40),
          text('deadlineId', 36, true),
          { name: 'detail', type: 'text', isNullable: true },
          at('raisedAt'),
          at('acknowledgedAt', true),
          text('acknowledgedBy', 120, true),
          at('resolvedAt', true),
        ],
        indices: [{ columnNames: ['caseId'] }, { columnNames: ['resolvedAt', 'acknowledgedAt'] }],
      }),
    );
    // One alert per deadline and kind: a deadline acting twice could not raise two.
    await queryRunner.createIndex('alerts', new TableIndex({ columnNames: ['deadlineId', 'kind'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('alerts');
  }
}
