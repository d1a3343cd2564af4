import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { portableColumns } from './portable-columns.js';

/**
 * What issue 27 records beside the machine: who did not come to a visit and why, which child it
 * concerned; how an alert ended (a waived report is not a filed one); why an archived file is kept
 * past its disposal date; a marked risk that keeps a party's whereabouts from the other party.
 */
export class RoutineAsLived1763900002750 implements MigrationInterface {
  name = 'RoutineAsLived1763900002750';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { text, int } = portableColumns(queryRunner);
    await queryRunner.addColumns('visits', [
      new TableColumn({ name: 'absenceReason', type: 'text', isNullable: true }),
      new TableColumn(int('childPosition', true)),
    ]);
    await queryRunner.addColumn('alerts', new TableColumn(text('resolution', 12, true)));
    await queryRunner.addColumn('case_retention', new TableColumn(text('keptFor', 24, true)));
    await queryRunner.addColumn(
      'case_parties',
      new TableColumn({ name: 'meetingRisk', type: 'boolean', isNullable: false, default: false }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('case_parties', 'meetingRisk');
    await queryRunner.dropColumn('case_retention', 'keptFor');
    await queryRunner.dropColumn('alerts', 'resolution');
    await queryRunner.dropColumn('visits', 'childPosition');
    await queryRunner.dropColumn('visits', 'absenceReason');
  }
}
