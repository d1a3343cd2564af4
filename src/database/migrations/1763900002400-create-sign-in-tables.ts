import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { portableColumns } from './portable-columns.js';

/** Browser sign-in: local accounts, the sessions behind the cookie, and OpenID Connect sign-ins under way. */
export class CreateSignInTables1763900002400 implements MigrationInterface {
  name = 'CreateSignInTables1763900002400';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { id, text, at, int } = portableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'user_accounts',
        columns: [
          { ...text('username', 120), isPrimary: true },
          text('name', 200),
          text('role', 20),
          { ...id('supporterId'), isNullable: true },
          text('passwordHash', 200),
          { ...int('failedAttempts'), default: 0 },
          at('lockedUntil', true),
          at('createdAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'browser_sessions',
        columns: [
          { ...text('idHash', 64), isPrimary: true },
          text('subject', 120),
          text('name', 200),
          text('roles', 100),
          { ...id('supporterId'), isNullable: true },
          at('createdAt'),
          at('lastSeenAt'),
        ],
        indices: [{ columnNames: ['subject'] }, { columnNames: ['lastSeenAt'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'oidc_sign_ins',
        columns: [
          { ...text('stateHash', 64), isPrimary: true },
          text('nonce', 128),
          text('codeVerifier', 128),
          at('createdAt'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('oidc_sign_ins');
    await queryRunner.dropTable('browser_sessions');
    await queryRunner.dropTable('user_accounts');
  }
}
