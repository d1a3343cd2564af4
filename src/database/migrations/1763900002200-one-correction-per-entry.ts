import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A document or a visit report is corrected at most once (a correction of a correction goes on
 * the chain): the services check it, but two corrections sent at the same moment on PostgreSQL
 * both passed the check and forked the chain. A NULL `correctsId` (an original) may repeat.
 */
export class OneCorrectionPerEntry1763900002200 implements MigrationInterface {
  name = 'OneCorrectionPerEntry1763900002200';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['documents', 'visit_reports']) {
      const forked = (await queryRunner.query(
        `SELECT "correctsId" FROM "${table}" WHERE "correctsId" IS NOT NULL GROUP BY "correctsId" HAVING COUNT(*) > 1`,
      )) as { correctsId: string }[];
      if (forked.length > 0) {
        throw new Error(
          `${forked.length} entr(ies) of ${table} are corrected more than once (ids ${forked.map((row) => row.correctsId).join(', ')}): ` +
            'decide which correction stands before upgrading; the chain of corrections must not fork',
        );
      }
      await queryRunner.createIndex(
        table,
        new TableIndex({ name: `UQ_${table}_corrects`, columnNames: ['correctsId'], isUnique: true }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('visit_reports', 'UQ_visit_reports_corrects');
    await queryRunner.dropIndex('documents', 'UQ_documents_corrects');
  }
}
