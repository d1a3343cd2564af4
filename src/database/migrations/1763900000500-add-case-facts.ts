import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { PersistedCase } from '../../../machines/case-decisions.js';
import { caseFacts } from '../../../machines/case-facts.js';
import { portableColumns } from './portable-columns.js';

/** The facts queries need (current supporter, diary number) as columns, filled in from every stored snapshot. */
export class AddCaseFacts1763900000500 implements MigrationInterface {
  name = 'AddCaseFacts1763900000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { text } = portableColumns(queryRunner);
    await queryRunner.addColumns('cases', [
      new TableColumn(text('supporterId', 36, true)),
      new TableColumn(text('diaryNumber', 40, true)),
    ]);
    const rows = (await queryRunner.query('SELECT id, snapshot FROM cases')) as { id: string; snapshot: string }[];
    for (const row of rows) {
      const facts = caseFacts(JSON.parse(row.snapshot) as PersistedCase);
      await queryRunner.manager
        .createQueryBuilder()
        .update('cases')
        .set(facts)
        .where('id = :id', { id: row.id })
        .execute();
    }
    await queryRunner.createIndex('cases', new TableIndex({ columnNames: ['supporterId', 'state'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('cases', ['supporterId', 'diaryNumber']);
  }
}
