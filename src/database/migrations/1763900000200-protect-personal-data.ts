import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Personnummer leave the database in clear text: case_parties keeps a ciphertext and a keyed
 * lookup hash instead. And the audit trail: append-only (refused by triggers) and hash-chained.
 *
 * Encrypting needs the application's key, which a migration does not have. No production data
 * exists before this version, so the migration refuses to run over parties already stored rather
 * than encrypt them here: start such a development database afresh.
 */
export class ProtectPersonalData1763900000200 implements MigrationInterface {
  name = 'ProtectPersonalData1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const [{ count }] = (await queryRunner.query('SELECT COUNT(*) AS count FROM case_parties')) as {
      count: string | number;
    }[];
    if (Number(count) > 0) {
      throw new Error(
        `case_parties holds ${count} rows with personnummer in clear text, which this migration cannot encrypt: ` +
          'start this development database afresh (no production data predates this version)',
      );
    }
    await queryRunner.dropColumn('case_parties', 'personnummer');
    await queryRunner.addColumns('case_parties', [
      new TableColumn({ name: 'personnummerCiphertext', type: 'varchar', length: '200' }),
      new TableColumn({ name: 'personnummerHash', type: 'varchar', length: '64' }),
    ]);
    await queryRunner.createIndex('case_parties', new TableIndex({ columnNames: ['personnummerHash'] }));

    await queryRunner.createTable(
      new Table({
        name: 'audit_trail',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'at', type: postgres ? 'timestamptz' : 'datetime' },
          { name: 'actorId', type: 'varchar', length: '120', isNullable: true },
          { name: 'actorRole', type: 'varchar', length: '20', isNullable: true },
          { name: 'caseId', type: 'varchar', length: '36', isNullable: true },
          { name: 'action', type: 'varchar', length: '8' },
          { name: 'resource', type: 'varchar', length: '200' },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          { name: 'allowed', type: 'boolean' },
          { name: 'status', type: 'integer' },
          { name: 'prevHash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        indices: [{ columnNames: ['at'] }, { columnNames: ['actorId'] }, { columnNames: ['caseId'] }],
      }),
    );
    if (postgres) {
      await queryRunner.query(
        `CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
          `BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$`,
      );
      await queryRunner.query(
        'CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only()',
      );
      await queryRunner.query(
        'CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only()',
      );
    } else {
      for (const operation of ['UPDATE', 'DELETE']) {
        await queryRunner.query(
          `CREATE TRIGGER audit_trail_no_${operation.toLowerCase()} BEFORE ${operation} ON audit_trail ` +
            `BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`,
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_trail');
    if (queryRunner.connection.driver.options.type === 'postgres')
      await queryRunner.query('DROP FUNCTION audit_trail_append_only()');
    await queryRunner.dropColumns('case_parties', ['personnummerCiphertext', 'personnummerHash']);
    await queryRunner.addColumn(
      'case_parties',
      new TableColumn({ name: 'personnummer', type: 'varchar', length: '12', isNullable: true }),
    );
  }
}
