import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { portableColumns } from './portable-columns.js';

/** The case engine's first schema: cases, their parties and history, deadlines, supporters, visits. */
export class CreateCaseTables1763900000000 implements MigrationInterface {
  name = 'CreateCaseTables1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { id, text, at, int } = portableColumns(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'cases',
        columns: [
          { ...id(), isPrimary: true },
          text('machineVersion', 64),
          text('state', 32),
          text('subState', 32, true),
          { name: 'snapshot', type: 'text' },
          int('version'),
          text('court', 120),
          text('courtCaseNumber', 20),
          text('periodStart', 10),
          text('periodEnd', 10),
          at('createdAt'),
          at('updatedAt'),
        ],
        indices: [{ columnNames: ['state'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_parties',
        columns: [
          { ...id(), isPrimary: true },
          id('caseId'),
          text('role', 20),
          int('position'),
          text('name', 120),
          text('personnummer', 12),
        ],
        indices: [{ columnNames: ['caseId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_history',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          id('caseId'),
          int('version'),
          text('type', 40),
          { name: 'payload', type: 'text' },
          text('fromState', 32, true),
          text('toState', 32),
          at('at'),
          text('actorId', 120),
          text('actorRole', 20),
        ],
      }),
    );
    await queryRunner.createIndex(
      'case_history',
      new TableIndex({ columnNames: ['caseId', 'version'], isUnique: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'deadlines',
        columns: [
          { ...id(), isPrimary: true },
          id('caseId'),
          text('kind', 40),
          at('dueAt'),
          text('event', 40, true),
          text('status', 12),
          at('createdAt'),
          at('settledAt', true),
        ],
        indices: [{ columnNames: ['caseId'] }, { columnNames: ['status', 'dueAt'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'supporters',
        columns: [
          { ...id(), isPrimary: true },
          text('name', 120),
          text('phone', 40),
          text('email', 200),
          at('createdAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'visits',
        columns: [
          { ...id(), isPrimary: true },
          id('caseId'),
          at('occurredAt'),
          int('durationMinutes'),
          text('outcome', 12),
          text('stopReason', 32, true),
          { name: 'notes', type: 'text', isNullable: true },
          at('loggedAt'),
          text('loggedBy', 120),
        ],
        indices: [{ columnNames: ['caseId'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['visits', 'supporters', 'deadlines', 'case_history', 'case_parties', 'cases']) {
      await queryRunner.dropTable(table);
    }
  }
}
