import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Serves the start-up search for open cases under an earlier machine version
 * (MachineMigrationSweep): without it every start reads every case.
 */
export class IndexStaleMachineVersions1763900002000 implements MigrationInterface {
  name = 'IndexStaleMachineVersions1763900002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'cases',
      new TableIndex({ name: 'IDX_cases_machine_version_state', columnNames: ['machineVersion', 'state'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cases', 'IDX_cases_machine_version_state');
  }
}
