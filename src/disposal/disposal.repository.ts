import { Injectable } from '@nestjs/common';
import { In, LessThan, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Alert } from '../alerts/alert.entity.js';
import { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import { CaseParty } from '../cases/case-party.entity.js';
import { CaseRecord } from '../cases/case-record.entity.js';
import { ListTotals } from '../database/list-totals.js';
import { rowLock } from '../database/locked-row.js';
import { Deadline } from '../deadlines/deadline.entity.js';
import { CaseRetention } from '../documents/case-retention.entity.js';
import { CaseDocument } from '../documents/document.entity.js';
import { ChildInterview } from '../interviews/child-interview.entity.js';
import { InterviewConsent } from '../interviews/interview-consent.entity.js';
import { VisitPlan } from '../visits/visit-plan.entity.js';
import { VisitReport } from '../visits/visit-report.entity.js';
import { Visit } from '../visits/visit.entity.js';
import { DisposedCase } from './disposed-case.entity.js';

/** Everything a case's file holds, by its case id; the case row itself goes last. */
const FILE_TABLES: EntityTarget<ObjectLiteral>[] = [
  VisitReport,
  Visit,
  VisitPlan,
  ChildInterview,
  InterviewConsent,
  CaseDocument,
  CaseParty,
  CaseHistoryEntry,
  Deadline,
  Alert,
  CaseRetention,
];

/** Archived case files due for disposal, their removal, and the stubs left for statistics. */
@Injectable()
export class DisposalRepository {
  private readonly totals = new ListTotals();

  /** Retentions whose disposal date lies before `today`, oldest first. */
  dueRetentions(manager: EntityManager, today: string): Promise<CaseRetention[]> {
    return manager.find(CaseRetention, {
      where: { disposalDate: LessThan(today) },
      order: { disposalDate: 'ASC', caseId: 'ASC' },
    });
  }

  /** Those of these cases that are archived, locked on PostgreSQL: a second disposal started at the same moment waits, then finds them gone. */
  archivedForUpdate(manager: EntityManager, caseIds: string[]): Promise<CaseRecord[]> {
    return manager.find(CaseRecord, { where: { id: In(caseIds), state: 'archived' }, ...rowLock(manager) });
  }

  documentIdsOf(manager: EntityManager, caseId: string): Promise<string[]> {
    return manager
      .find(CaseDocument, { where: { caseId }, select: { id: true } })
      .then((documents) => documents.map((d) => d.id));
  }

  /** What the stub counts of the file before it goes. */
  async fileCounts(manager: EntityManager, caseId: string) {
    return {
      children: await manager.countBy(CaseParty, { caseId, role: 'child' }),
      visits: await manager.countBy(Visit, { caseId }),
      visitReports: await manager.countBy(VisitReport, { caseId }),
      historyEntries: await manager.countBy(CaseHistoryEntry, { caseId }),
    };
  }

  /** Deletes the case's file, uploaded contents first and the case row last, and leaves the stub. */
  async replaceByStub(manager: EntityManager, stub: DisposedCase, documentIds: string[]): Promise<void> {
    if (documentIds.length > 0) {
      const column = manager.connection.driver.escape('documentId');
      await manager
        .createQueryBuilder()
        .delete()
        .from('document_contents')
        .where(`${column} IN (:...documentIds)`, { documentIds })
        .execute();
    }
    for (const table of FILE_TABLES) await manager.delete(table, { caseId: stub.caseId });
    await manager.delete(CaseRecord, { id: stub.caseId });
    await manager.insert(DisposedCase, stub);
  }

  /** A page of the stubs in the order they were disposed of, and their total (counted first). */
  async stubs(
    manager: EntityManager,
    limit: number,
    offset: number,
  ): Promise<{ total: number; stubs: DisposedCase[] }> {
    const total = await this.totals.count(manager, DisposedCase, {}, 'all');
    const stubs = await manager.find(DisposedCase, {
      order: { disposedAt: 'ASC', caseId: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { total, stubs };
  }

  /**
   * On SQLite, deleted rows would linger in the write-ahead log: checkpoint and truncate it (the
   * database runs with secure_delete, so the pages freed in the main file are zeroed). A
   * checkpoint that meets another unit of work simply does less; PostgreSQL's VACUUM reclaims its
   * dead rows on its own.
   */
  async scrubFreedPages(dataSource: DataSource): Promise<void> {
    if (dataSource.options.type === 'better-sqlite3') await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  }
}
