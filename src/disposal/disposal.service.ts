import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Alert } from '../alerts/alert.entity.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import { CaseParty } from '../cases/case-party.entity.js';
import { CaseRecord } from '../cases/case-record.entity.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { swedishDate } from '../common/swedish-date.js';
import { ListTotals } from '../database/list-totals.js';
import { rowLock } from '../database/locked-row.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
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

function dueView(retention: CaseRetention, record: CaseRecord) {
  return {
    caseId: retention.caseId,
    state: record.state,
    archivedAt: retention.archivedAt.toISOString(),
    disposalDate: retention.disposalDate,
  };
}

function stubView(stub: DisposedCase) {
  return {
    caseId: stub.caseId,
    state: stub.state,
    registeredAt: stub.registeredAt.toISOString(),
    periodStart: stub.periodStart,
    periodEnd: stub.periodEnd,
    archivedAt: stub.archivedAt.toISOString(),
    disposalDate: stub.disposalDate,
    disposedAt: stub.disposedAt.toISOString(),
    counts: stub.counts,
  };
}

/**
 * Disposal (gallring) of archived case files whose disposal date has passed: every personal
 * datum, document and uploaded file of those cases goes; an anonymous stub stays for statistics.
 * The audit trail keeps its entries (they hold no personal data) and gains one per disposal.
 */
@Injectable()
export class DisposalService {
  private readonly totals = new ListTotals();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly trail: AuditTrail,
    private readonly dataSource: DataSource,
  ) {}

  /** Archived cases whose disposal date lies before today (Swedish calendar), oldest first. */
  due() {
    return this.transactions.run(async (manager) => {
      const items = await this.dueWithin(manager);
      return { items: items.map(([retention, record]) => dueView(retention, record)), total: items.length };
    });
  }

  /** With `dryRun`, only says what would go; otherwise disposes of those cases and says what went. */
  async dispose(dryRun: boolean, actor: Actor) {
    if (dryRun) return { dryRun, ...(await this.due()) };
    const stubs = await this.transactions.run(async (manager) => {
      const disposed: DisposedCase[] = [];
      for (const [retention, record] of await this.dueWithin(manager))
        disposed.push(await this.disposeWithin(manager, record, retention, actor));
      return disposed;
    });
    for (const stub of stubs) {
      await this.trail.record({
        actorId: actor.id,
        actorRole: actor.role,
        caseId: stub.caseId,
        subject: null,
        action: 'write',
        resource: 'DISPOSE case file (gallring)',
        ip: null,
        allowed: true,
        status: 200,
      });
    }
    await this.scrubFreedPages();
    return { dryRun, items: stubs.map(stubView), total: stubs.length };
  }

  /** The stubs of disposed cases, for statistics. */
  async statistics(limit: number, offset: number) {
    // Counted first: a row that appears in between then shows in the items, never in a total whose items lack it.
    const [total, stubs] = await this.transactions.run(
      async (manager) =>
        [
          await this.totals.count(manager, DisposedCase, {}, 'all'),
          await manager.find(DisposedCase, { order: { disposedAt: 'ASC', caseId: 'ASC' }, take: limit, skip: offset }),
        ] as const,
    );
    return { items: stubs.map(stubView), total };
  }

  private async dueWithin(manager: EntityManager): Promise<[CaseRetention, CaseRecord][]> {
    const retentions = await manager.find(CaseRetention, {
      where: { disposalDate: LessThan(swedishDate(this.clock.now())) },
      order: { disposalDate: 'ASC', caseId: 'ASC' },
    });
    if (retentions.length === 0) return [];
    // Locked: a second disposal started at the same moment waits, then finds these cases gone instead of disposing of them again.
    const records = await manager.find(CaseRecord, {
      where: { id: In(retentions.map((r) => r.caseId)), state: 'archived' },
      ...rowLock(manager),
    });
    const byId = new Map(records.map((r) => [r.id, r]));
    return retentions.filter((r) => byId.has(r.caseId)).map((r) => [r, byId.get(r.caseId)!]);
  }

  private async disposeWithin(
    manager: EntityManager,
    record: CaseRecord,
    retention: CaseRetention,
    actor: Actor,
  ): Promise<DisposedCase> {
    const caseId = record.id;
    const documentIds = (await manager.find(CaseDocument, { where: { caseId }, select: { id: true } })).map(
      (d) => d.id,
    );
    const stub = Object.assign(new DisposedCase(), {
      caseId,
      state: record.state,
      registeredAt: record.createdAt,
      periodStart: record.periodStart,
      periodEnd: record.periodEnd,
      archivedAt: retention.archivedAt,
      disposalDate: retention.disposalDate,
      disposedAt: this.clock.now(),
      disposedBy: actor.id,
      counts: {
        children: await manager.countBy(CaseParty, { caseId, role: 'child' }),
        visits: await manager.countBy(Visit, { caseId }),
        visitReports: await manager.countBy(VisitReport, { caseId }),
        documents: documentIds.length,
        historyEntries: await manager.countBy(CaseHistoryEntry, { caseId }),
      },
    });
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
    await manager.delete(CaseRecord, { id: caseId });
    await manager.insert(DisposedCase, stub);
    return stub;
  }

  /**
   * On SQLite, deleted rows would linger in the write-ahead log: checkpoint and truncate it (the
   * database runs with secure_delete, so the pages freed in the main file are zeroed). A
   * checkpoint that meets another unit of work simply does less; PostgreSQL's VACUUM reclaims its
   * dead rows on its own.
   */
  private async scrubFreedPages(): Promise<void> {
    if (this.dataSource.options.type === 'better-sqlite3')
      await this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  }
}
