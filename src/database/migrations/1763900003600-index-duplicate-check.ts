import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Serves the duplicate check of a registration (the open cases of one court and court case
 * number): without it every registration read every case, and registering slowed as cases
 * accumulated (160/s on an empty database, 30/s at 60,000 cases).
 */
export class IndexDuplicateCheck1763900003600 implements MigrationInterface {
  name = 'IndexDuplicateCheck1763900003600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'cases',
      new TableIndex({ name: 'IDX_cases_court_case', columnNames: ['court', 'courtCaseNumber'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cases', 'IDX_cases_court_case');
  }
}
