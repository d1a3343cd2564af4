import { Table, TableColumn, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { portableColumns } from './portable-columns.js';

/**
 * The rest of the routine around a case: supporters' vetting and capacity, planned visits and
 * their reports, child interviews, the case's documents (with their bytes), and the disposal date
 * an archived case gets.
 */
export class CreateRoutineTables1763900000300 implements MigrationInterface {
  name = 'CreateRoutineTables1763900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { postgres, id, text, at, int } = portableColumns(queryRunner);
    const optionalId = (name: string): TableColumnOptions => ({ ...id(name), isNullable: true });
    const longText = (name: string, nullable = true): TableColumnOptions => ({
      name,
      type: 'text',
      isNullable: nullable,
    });
    const day = (name: string, nullable = true): TableColumnOptions => text(name, 10, nullable);

    await queryRunner.addColumns(
      'supporters',
      [
        { ...text('status', 12), default: "'interested'" },
        { ...longText('languages', false), default: "'[]'" },
        text('area', 120, true),
        longText('availability'),
        { ...int('capacity'), default: 1 },
        day('interviewHeldOn'),
        day('referencesTakenOn'),
        day('criminalRecordExtractOn'),
        day('socialServicesExtractOn'),
        at('decidedAt', true),
        text('decidedBy', 120, true),
        longText('decisionReason'),
      ].map((column) => new TableColumn(column)),
    );

    await queryRunner.createTable(
      new Table({
        name: 'visit_plans',
        columns: [
          { ...id(), isPrimary: true },
          id('caseId'),
          at('plannedFor'),
          text('place', 200),
          id('supporterId'),
          at('createdAt'),
          text('createdBy', 120),
        ],
        indices: [{ columnNames: ['caseId'] }],
      }),
    );
    await queryRunner.addColumns(
      'visits',
      [optionalId('planId'), optionalId('supporterId'), text('cancelledBy', 20, true)].map(
        (column) => new TableColumn(column),
      ),
    );

    await queryRunner.createTable(
      new Table({
        name: 'visit_reports',
        columns: [
          { ...id(), isPrimary: true },
          id('caseId'),
          id('visitId'),
          text('form', 8),
          longText('text'),
          optionalId('documentId'),
          optionalId('correctsId'),
          at('filedAt'),
          text('filedBy', 120),
          text('filedByRole', 20),
        ],
        indices: [{ columnNames: ['caseId'] }, { columnNames: ['visitId'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'child_interviews',
        columns: [
          { ...id(), isPrimary: true },
          id('caseId'),
          int('childPosition'),
          text('status', 12),
          day('consentGivenOn'),
          { name: 'consentGivenAtStartupMeeting', type: 'boolean', isNullable: true },
          at('bookedFor', true),
          at('heldAt', true),
          longText('notes'),
          at('declinedAt', true),
          longText('declineReason'),
          at('updatedAt'),
          text('updatedBy', 120),
        ],
        uniques: [{ columnNames: ['caseId', 'childPosition'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'documents',
        columns: [
          { ...id(), isPrimary: true },
          id('caseId'),
          text('kind', 40),
          text('origin', 12),
          text('title', 200),
          day('date', false),
          text('author', 120),
          longText('recipients', false),
          text('status', 12),
          longText('body'),
          text('fileName', 200, true),
          text('contentType', 100, true),
          int('size', true),
          text('sha256', 64, true),
          optionalId('correctsId'),
          at('createdAt'),
          text('createdBy', 120),
        ],
        indices: [{ columnNames: ['caseId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'document_contents',
        columns: [
          { ...id('documentId'), isPrimary: true },
          { name: 'bytes', type: postgres ? 'bytea' : 'blob' },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'case_retention',
        columns: [
          { ...id('caseId'), isPrimary: true },
          at('archivedAt'),
          at('lastEntryAt'),
          day('disposalDate', false),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'case_retention',
      'document_contents',
      'documents',
      'child_interviews',
      'visit_reports',
      'visit_plans',
    ]) {
      await queryRunner.dropTable(table);
    }
    for (const column of ['cancelledBy', 'supporterId', 'planId']) await queryRunner.dropColumn('visits', column);
    for (const column of [
      'decisionReason',
      'decidedBy',
      'decidedAt',
      'socialServicesExtractOn',
      'criminalRecordExtractOn',
      'referencesTakenOn',
      'interviewHeldOn',
      'capacity',
      'availability',
      'area',
      'languages',
      'status',
    ]) {
      await queryRunner.dropColumn('supporters', column);
    }
  }
}
