import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { portableColumns } from './portable-columns.js';

/** Each secretary's calendar feed token, stored hashed. */
export class CreateCalendarTokens1763900001400 implements MigrationInterface {
  name = 'CreateCalendarTokens1763900001400';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { text, at } = portableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'calendar_tokens',
        columns: [{ ...text('ownerId', 120), isPrimary: true }, text('tokenHash', 64), at('createdAt')],
        uniques: [{ columnNames: ['tokenHash'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_tokens');
  }
}
