import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The supporter's postal address, sealed like a party's: their letters go by post, not by e-mail. */
export class AddSupporterAddress1763900003500 implements MigrationInterface {
  name = 'AddSupporterAddress1763900003500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'supporters',
      new TableColumn({ name: 'addressCiphertext', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('supporters', 'addressCiphertext');
  }
}
