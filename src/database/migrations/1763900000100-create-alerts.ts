import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/** Alerts: what reminders and failing deadlines raise for a case's secretary. */
export class CreateAlerts1763900000100 implements MigrationInterface {
  name = 'CreateAlerts1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    // PostgreSQL keeps instants with their zone; SQLite has one datetime type (TypeORM writes UTC).
    const instant = queryRunner.connection.driver.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    const at = (name: string, nullable = false): TableColumnOptions => ({ name, type: instant, isNullable: nullable });
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
