import { Table, TableColumn, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { portableColumns } from './portable-columns.js';

/**
 * What the letters need beside the case: the unit's own details, the caseworkers' profiles, the
 * parties' sealed postal addresses, protected identity and custody; consent to the child
 * interview recorded per guardian; and the anonymous stubs disposal (gallring) leaves behind.
 */
export class AddLetterParties1763900001200 implements MigrationInterface {
  name = 'AddLetterParties1763900001200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { id, text, at } = portableColumns(queryRunner);
    const longText = (name: string, nullable = true): TableColumnOptions => ({
      name,
      type: 'text',
      isNullable: nullable,
    });

    await queryRunner.createTable(
      new Table({
        name: 'staff_profiles',
        columns: [
          { ...text('subject', 120), isPrimary: true },
          text('name', 120),
          text('title', 120),
          text('phone', 40),
          text('email', 200),
          at('updatedAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'unit_details',
        columns: [
          { ...text('id', 10), isPrimary: true },
          text('municipality', 120, true),
          text('committee', 120, true),
          text('unitName', 120, true),
          longText('postalAddress'),
          text('phone', 40, true),
          text('email', 200, true),
          text('phoneHours', 200, true),
          at('updatedAt'),
          text('updatedBy', 120),
        ],
      }),
    );
    await queryRunner.addColumns(
      'case_parties',
      [longText('addressCiphertext'), text('protection', 24, true), text('custody', 20, true)].map(
        (c) => new TableColumn(c),
      ),
    );
    await queryRunner.createTable(
      new Table({
        name: 'interview_consents',
        columns: [
          { ...id(), isPrimary: true },
          id('caseId'),
          { name: 'childPosition', type: 'integer' },
          text('guardian', 20),
          text('givenOn', 10),
          { name: 'atStartupMeeting', type: 'boolean' },
          text('withdrawnOn', 10, true),
          at('recordedAt'),
          text('recordedBy', 120),
        ],
        indices: [{ columnNames: ['caseId', 'childPosition'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'disposed_cases',
        columns: [
          { ...id('caseId'), isPrimary: true },
          text('state', 32),
          at('registeredAt'),
          text('periodStart', 10),
          text('periodEnd', 10),
          at('archivedAt'),
          text('disposalDate', 10),
          at('disposedAt'),
          text('disposedBy', 120),
          longText('counts', false),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('disposed_cases');
    await queryRunner.dropTable('interview_consents');
    for (const column of ['custody', 'protection', 'addressCiphertext'])
      await queryRunner.dropColumn('case_parties', column);
    await queryRunner.dropTable('unit_details');
    await queryRunner.dropTable('staff_profiles');
  }
}
