import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service.js';
import type { CaseRecord } from '../cases/case-record.entity.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { swedishDate } from '../common/swedish-date.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import type { CaseRetention } from '../documents/case-retention.entity.js';
import { DisposalRepository } from './disposal.repository.js';
import { DisposedCase } from './disposed-case.entity.js';

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
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly trail: AuditTrail,
    private readonly dataSource: DataSource,
    private readonly disposal: DisposalRepository,
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
    await this.disposal.scrubFreedPages(this.dataSource);
    return { dryRun, items: stubs.map(stubView), total: stubs.length };
  }

  /** The stubs of disposed cases, for statistics. */
  async statistics(limit: number, offset: number) {
    const { total, stubs } = await this.transactions.run((manager) => this.disposal.stubs(manager, limit, offset));
    return { items: stubs.map(stubView), total };
  }

  private async dueWithin(manager: EntityManager): Promise<[CaseRetention, CaseRecord][]> {
    const retentions = await this.disposal.dueRetentions(manager, swedishDate(this.clock.now()));
    if (retentions.length === 0) return [];
    const records = await this.disposal.archivedForUpdate(
      manager,
      retentions.map((r) => r.caseId),
    );
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
    const documentIds = await this.disposal.documentIdsOf(manager, caseId);
    const counts = await this.disposal.fileCounts(manager, caseId);
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
        children: counts.children,
        visits: counts.visits,
        visitReports: counts.visitReports,
        documents: documentIds.length,
        historyEntries: counts.historyEntries,
      },
    });
    await this.disposal.replaceByStub(manager, stub, documentIds);
    return stub;
  }
}
