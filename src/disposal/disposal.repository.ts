import { Injectable } from '@nestjs/common';
import { In, IsNull, LessThan, Not, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
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
import { NotificationItem } from '../notifications/notification-item.entity.js';
import { NotificationMail } from '../notifications/notification-mail.entity.js';
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
  NotificationItem,
  CaseRetention,
];

/**
 * Case files as disposal (gallring) reads and removes them: their retention, every table that
 * holds a case's file, and the anonymous stubs that stay. Inside the caller's transaction.
 */
@Injectable()
export class DisposalRepository {
  private readonly totals = new ListTotals();

  /** Retentions whose disposal date lies before `today` and that no sample keeps, oldest first. */
  dueRetentions(manager: EntityManager, today: string): Promise<CaseRetention[]> {
    return manager.find(CaseRetention, {
      where: { disposalDate: LessThan(today), keptFor: IsNull() },
      order: { disposalDate: 'ASC', caseId: 'ASC' },
    });
  }

  /** Retentions past their disposal date before `today` that a sample keeps. */
  keptRetentions(manager: EntityManager, today: string): Promise<CaseRetention[]> {
    return manager.find(CaseRetention, { where: { disposalDate: LessThan(today), keptFor: Not(IsNull()) } });
  }

  async keepForResearch(manager: EntityManager, caseIds: string[]): Promise<void> {
    await manager.update(CaseRetention, { caseId: In(caseIds) }, { keptFor: 'researchSample' });
  }

  /** The parties' sealed personal identity numbers, of these cases. */
  partiesOf(
    manager: EntityManager,
    caseIds: string[],
  ): Promise<Pick<CaseParty, 'caseId' | 'personnummerCiphertext'>[]> {
    return manager.find(CaseParty, {
      where: { caseId: In(caseIds) },
      select: { caseId: true, personnummerCiphertext: true },
    });
  }

  /** These cases while archived, locked on PostgreSQL: a second disposal at the same moment waits, then finds them gone. */
  archivedForUpdate(manager: EntityManager, caseIds: string[]): Promise<CaseRecord[]> {
    return manager.find(CaseRecord, { where: { id: In(caseIds), state: 'archived' }, ...rowLock(manager) });
  }

  /** Which mails told of these cases. */
  mailsOf(manager: EntityManager, caseIds: string[]): Promise<Pick<NotificationItem, 'caseId' | 'mailId'>[]> {
    return manager.find(NotificationItem, { where: { caseId: In(caseIds) }, select: { caseId: true, mailId: true } });
  }

  /** What the stub keeps of the file: how much there was of each kind. */
  async countsOf(manager: EntityManager, caseId: string): Promise<DisposedCase['counts']> {
    return {
      children: await manager.countBy(CaseParty, { caseId, role: 'child' }),
      visits: await manager.countBy(Visit, { caseId }),
      visitReports: await manager.countBy(VisitReport, { caseId }),
      documents: await manager.countBy(CaseDocument, { caseId }),
      historyEntries: await manager.countBy(CaseHistoryEntry, { caseId }),
    };
  }

  /**
   * Removes the case's file (the documents' contents, every row by its case id, the case row
   * last) and the mails among `mailIds` that told of no other case; keeps the stub.
   */
  async replaceByStub(manager: EntityManager, stub: DisposedCase, mailIds: string[]): Promise<void> {
    const { caseId } = stub;
    const documentIds = (await manager.find(CaseDocument, { where: { caseId }, select: { id: true } })).map(
      (d) => d.id,
    );
    if (documentIds.length > 0) {
      const column = manager.connection.driver.escape('documentId');
      await manager
        .createQueryBuilder()
        .delete()
        .from('document_contents')
        .where(`${column} IN (:...documentIds)`, { documentIds })
        .execute();
    }
    for (const table of FILE_TABLES) await manager.delete(table, { caseId });
    // A mail that told of this case only goes with it; one that told of others too stays for them.
    if (mailIds.length > 0) {
      const kept = new Set(
        (await manager.find(NotificationItem, { where: { mailId: In(mailIds) }, select: { mailId: true } })).map(
          (i) => i.mailId,
        ),
      );
      const orphaned = mailIds.filter((id) => !kept.has(id));
      if (orphaned.length > 0) await manager.delete(NotificationMail, { id: In(orphaned) });
    }
    await manager.delete(CaseRecord, { id: caseId });
    await manager.insert(DisposedCase, stub);
  }

  /** A page of the stubs, oldest disposal first, and their total. */
  async stubs(manager: EntityManager, limit: number, offset: number): Promise<[number, DisposedCase[]]> {
    // Counted first: a row that appears in between then shows in the items, never in a total whose items lack it.
    const total = await this.totals.count(manager, DisposedCase, {}, 'all');
    const stubs = await manager.find(DisposedCase, {
      order: { disposedAt: 'ASC', caseId: 'ASC' },
      take: limit,
      skip: offset,
    });
    return [total, stubs];
  }

  /**
   * On SQLite, deleted rows would linger in the write-ahead log: checkpoints and truncates it (the
   * database runs with secure_delete, so the pages freed in the main file are zeroed). Outside a
   * transaction; a checkpoint that meets another unit of work simply does less. PostgreSQL's
   * VACUUM reclaims its dead rows on its own.
   */
  async scrubFreedPages(manager: EntityManager): Promise<void> {
    if (manager.connection.options.type === 'better-sqlite3') await manager.query('PRAGMA wal_checkpoint(TRUNCATE)');
  }
}
