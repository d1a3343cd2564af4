import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes that serve GET /cases: by state in creation order, and all cases in creation order,
 * so a page (offset or cursor) reads its rows from the index instead of sorting every case.
 */
export class IndexCaseLists1763900001300 implements MigrationInterface {
  name = 'IndexCaseLists1763900001300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'cases',
      new TableIndex({ name: 'IDX_cases_state_created', columnNames: ['state', 'createdAt', 'id'] }),
    );
    await queryRunner.createIndex(
      'cases',
      new TableIndex({ name: 'IDX_cases_created', columnNames: ['createdAt', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cases', 'IDX_cases_created');
    await queryRunner.dropIndex('cases', 'IDX_cases_state_created');
  }
}
