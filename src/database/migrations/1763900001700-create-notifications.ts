import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { portableColumns } from './portable-columns.js';

/** E-mail notifications: the outbox, what each mail tells, the daily digests and each person's choices. */
export class CreateNotifications1763900001700 implements MigrationInterface {
  name = 'CreateNotifications1763900001700';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { id, text, at, int } = portableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'notification_mails',
        columns: [
          { ...id(), isPrimary: true },
          text('type', 10),
          text('recipientEmail', 254),
          text('recipientSubject', 120, true),
          text('status', 10),
          int('attempts'),
          { name: 'lastError', type: 'text', isNullable: true },
          text('digestDay', 10, true),
          at('createdAt'),
          at('sentAt', true),
        ],
        indices: [{ columnNames: ['status', 'createdAt'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_items',
        columns: [
          { ...id(), isPrimary: true },
          id('alertId'),
          id('caseId'),
          text('alertKind', 40),
          text('recipientEmail', 254),
          text('recipientSubject', 120, true),
          { ...id('mailId'), isNullable: true },
          at('createdAt'),
        ],
        indices: [{ columnNames: ['mailId'] }],
      }),
    );
    // An alert is told to an address once, whatever raises or composes it twice.
    await queryRunner.createIndex(
      'notification_items',
      new TableIndex({ columnNames: ['alertId', 'recipientEmail'], isUnique: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_digests',
        columns: [{ ...text('day', 10), isPrimary: true }, at('composedAt'), int('mails')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          { ...text('subject', 120), isPrimary: true },
          { ...text('alertKind', 40), isPrimary: true },
          text('mode', 10),
          at('updatedAt'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'notification_preferences',
      'notification_digests',
      'notification_items',
      'notification_mails',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
