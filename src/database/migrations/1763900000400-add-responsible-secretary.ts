import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { portableColumns } from './portable-columns.js';

/** Each case names the secretary who answers for it: letters, calendars and notifications reach them. */
export class AddResponsibleSecretary1763900000400 implements MigrationInterface {
  name = 'AddResponsibleSecretary1763900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { text } = portableColumns(queryRunner);
    await queryRunner.addColumn('cases', new TableColumn(text('responsibleSecretaryId', 120, true)));
    // Cases registered before this column existed answer to the secretary who registered them.
    await queryRunner.query(
      `UPDATE cases SET "responsibleSecretaryId" = (SELECT h."actorId" FROM case_history h WHERE h."caseId" = cases.id AND h.version = 1)`,
    );
    await queryRunner.createIndex('cases', new TableIndex({ columnNames: ['responsibleSecretaryId', 'state'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('cases', 'responsibleSecretaryId');
  }
}
