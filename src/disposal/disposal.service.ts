import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import {
  DataSource,
  In,
  IsNull,
  LessThan,
  Not,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';
import { Alert } from '../alerts/alert.entity.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import { CaseParty } from '../cases/case-party.entity.js';
import { CaseRecord } from '../cases/case-record.entity.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { swedishDate } from '../common/swedish-date.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ListTotals } from '../database/list-totals.js';
import { rowLock } from '../database/locked-row.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { Deadline } from '../deadlines/deadline.entity.js';
import { CaseRetention } from '../documents/case-retention.entity.js';
import { CaseDocument } from '../documents/document.entity.js';
import { ChildInterview } from '../interviews/child-interview.entity.js';
import { InterviewConsent } from '../interviews/interview-consent.entity.js';
import { NotificationItem } from '../notifications/notification-item.entity.js';
import { NotificationMail } from '../notifications/notification-mail.entity.js';
import { outboxDirOf } from '../notifications/mail-transport.service.js';
import { VisitPlan } from '../visits/visit-plan.entity.js';
import { VisitReport } from '../visits/visit-report.entity.js';
import { Visit } from '../visits/visit.entity.js';
import { DisposedCase } from './disposed-case.entity.js';
import type { KeptBirthDays } from '../config/variables.js';
import { keptForResearch } from './research-sample.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.service.js';

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

/** A case due for disposal, with what of it lies outside its file: the mails that told of it and their outbox files (names under the outbox folder). */
interface DueCase {
  retention: CaseRetention;
  record: CaseRecord;
  mailIds: string[];
  outboxFiles: string[];
}

function dueView({ retention, record, mailIds, outboxFiles }: DueCase) {
  return {
    caseId: retention.caseId,
    state: record.state,
    archivedAt: retention.archivedAt.toISOString(),
    disposalDate: retention.disposalDate,
    notificationMails: mailIds,
    outboxFiles,
  };
}

/** A file past its disposal date that stays, and why. */
function keptView(retention: CaseRetention, reason: 'researchSample') {
  return {
    caseId: retention.caseId,
    archivedAt: retention.archivedAt.toISOString(),
    disposalDate: retention.disposalDate,
    reason,
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
  private readonly outboxDir: string | undefined;
  private readonly keptBirthDays: KeptBirthDays;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly trail: AuditTrail,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly personnummer: PersonnummerProtector,
  ) {
    this.outboxDir = outboxDirOf(config);
    this.keptBirthDays = config.keptBirthDays;
  }

  /**
   * Archived cases whose disposal date lies before today (Swedish calendar), oldest first, and
   * those past it that stay, with why: what a disposal would remove and what it would keep.
   */
  due() {
    return this.transactions.run(async (manager) => {
      const { due, kept } = await this.dueWithin(manager);
      const keptBefore = await manager.find(CaseRetention, {
        where: { disposalDate: LessThan(swedishDate(this.clock.now())), keptFor: Not(IsNull()) },
      });
      const stays = [
        ...keptBefore.map((r) => keptView(r, r.keptFor!)),
        ...kept.map((r) => keptView(r, 'researchSample')),
      ].sort((a, b) => a.disposalDate.localeCompare(b.disposalDate) || a.caseId.localeCompare(b.caseId));
      return { items: due.map(dueView), total: due.length, kept: stays };
    });
  }

  /** With `dryRun`, only says what would go; otherwise disposes of those cases and says what went. */
  async dispose(dryRun: boolean, actor: Actor) {
    if (dryRun) return { dryRun, ...(await this.due()) };
    const [stubs, outboxFiles] = await this.transactions.run(async (manager) => {
      const disposed: DisposedCase[] = [];
      const { due } = await this.dueWithin(manager, true);
      for (const { record, retention, mailIds } of due)
        disposed.push(await this.disposeWithin(manager, record, retention, mailIds, actor));
      return [disposed, due.flatMap((item) => item.outboxFiles)] as const;
    });
    // Once the rows are gone: a mail that named the case goes from the outbox folder too.
    for (const file of outboxFiles) await rm(join(this.outboxDir!, file), { force: true });
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

  /**
   * The due files that are kept for research: a party born on a kept day of the month (the
   * current archive plan decides, so a file archived before it changed is judged by it too).
   */
  private async keptAmong(manager: EntityManager, caseIds: string[]): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const parties = await manager.find(CaseParty, {
      where: { caseId: In(caseIds) },
      select: { caseId: true, personnummerCiphertext: true },
    });
    return new Set(
      caseIds.filter((caseId) =>
        keptForResearch(
          parties.filter((p) => p.caseId === caseId).map((p) => this.personnummer.open(p.personnummerCiphertext)),
          this.keptBirthDays,
        ),
      ),
    );
  }

  /** The due files that go, and the ones found to stay for research (marked so with `markKept`). */
  private async dueWithin(
    manager: EntityManager,
    markKept = false,
  ): Promise<{ due: DueCase[]; kept: CaseRetention[] }> {
    const found = await manager.find(CaseRetention, {
      where: { disposalDate: LessThan(swedishDate(this.clock.now())), keptFor: IsNull() },
      order: { disposalDate: 'ASC', caseId: 'ASC' },
    });
    const kept = await this.keptAmong(
      manager,
      found.map((r) => r.caseId),
    );
    if (markKept && kept.size > 0) {
      await manager.update(CaseRetention, { caseId: In([...kept]) }, { keptFor: 'researchSample' });
    }
    const stays = found.filter((r) => kept.has(r.caseId));
    const retentions = found.filter((r) => !kept.has(r.caseId));
    if (retentions.length === 0) return { due: [], kept: stays };
    // Locked: a second disposal started at the same moment waits, then finds these cases gone instead of disposing of them again.
    const records = await manager.find(CaseRecord, {
      where: { id: In(retentions.map((r) => r.caseId)), state: 'archived' },
      ...rowLock(manager),
    });
    const byId = new Map(records.map((r) => [r.id, r]));
    const due = retentions.filter((r) => byId.has(r.caseId));
    const items =
      due.length === 0
        ? []
        : await manager.find(NotificationItem, {
            where: { caseId: In(due.map((r) => r.caseId)) },
            select: { caseId: true, mailId: true },
          });
    const dueCases = due.map((retention) => {
      const mailIds = [
        ...new Set(items.filter((i) => i.caseId === retention.caseId && i.mailId).map((i) => i.mailId!)),
      ].sort();
      const outboxDir = this.outboxDir;
      const outboxFiles = outboxDir
        ? mailIds.map((id) => `${id}.eml`).filter((file) => existsSync(join(outboxDir, file)))
        : [];
      return { retention, record: byId.get(retention.caseId)!, mailIds, outboxFiles };
    });
    return { due: dueCases, kept: stays };
  }

  private async disposeWithin(
    manager: EntityManager,
    record: CaseRecord,
    retention: CaseRetention,
    mailIds: string[],
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
