import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service.js';
import type { CaseRecord } from '../cases/case-record.entity.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { swedishDate } from '../common/swedish-date.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import type { CaseRetention } from '../documents/case-retention.entity.js';
import { outboxDirOf } from '../notifications/mail-transport.service.js';
import { DisposalRepository } from './disposal.repository.js';
import { DisposedCase } from './disposed-case.entity.js';
import type { KeptBirthDays } from '../config/variables.js';
import { keptForResearch } from './research-sample.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.service.js';

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
  private readonly outboxDir: string | undefined;
  private readonly keptBirthDays: KeptBirthDays;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly trail: AuditTrail,
    private readonly dataSource: DataSource,
    private readonly files: DisposalRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly personnummer: PersonnummerProtector,
  ) {
    this.outboxDir = outboxDirOf(config);
    this.keptBirthDays = config.keptBirthDays;
  }

  /** Archived cases whose disposal date lies before today (Swedish calendar), oldest first. */
  due() {
    return this.transactions.run(async (manager) => {
      const { due, kept } = await this.dueWithin(manager);
      const keptBefore = await this.files.keptRetentions(manager, swedishDate(this.clock.now()));
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
    await this.files.scrubFreedPages(this.dataSource.manager);
    return { dryRun, items: stubs.map(stubView), total: stubs.length };
  }

  /** The stubs of disposed cases, for statistics. */
  async statistics(limit: number, offset: number) {
    const [total, stubs] = await this.transactions.run((manager) => this.files.stubs(manager, limit, offset));
    return { items: stubs.map(stubView), total };
  }

  /**
   * The due files that are kept for research: a party born on a kept day of the month (the
   * current archive plan decides, so a file archived before it changed is judged by it too).
   */
  private async keptAmong(manager: EntityManager, caseIds: string[]): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const parties = await this.files.partiesOf(manager, caseIds);
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
    const found = await this.files.dueRetentions(manager, swedishDate(this.clock.now()));
    const kept = await this.keptAmong(
      manager,
      found.map((r) => r.caseId),
    );
    if (markKept && kept.size > 0) {
      await this.files.keepForResearch(manager, [...kept]);
    }
    const stays = found.filter((r) => kept.has(r.caseId));
    const retentions = found.filter((r) => !kept.has(r.caseId));
    if (retentions.length === 0) return { due: [], kept: stays };
    const records = await this.files.archivedForUpdate(
      manager,
      retentions.map((r) => r.caseId),
    );
    const byId = new Map(records.map((r) => [r.id, r]));
    const due = retentions.filter((r) => byId.has(r.caseId));
    const items =
      due.length === 0
        ? []
        : await this.files.mailsOf(
            manager,
            due.map((r) => r.caseId),
          );
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
    const stub = Object.assign(new DisposedCase(), {
      caseId: record.id,
      state: record.state,
      registeredAt: record.createdAt,
      periodStart: record.periodStart,
      periodEnd: record.periodEnd,
      archivedAt: retention.archivedAt,
      disposalDate: retention.disposalDate,
      disposedAt: this.clock.now(),
      disposedBy: actor.id,
      counts: await this.files.countsOf(manager, record.id),
    });
    await this.files.replaceByStub(manager, stub, mailIds);
    return stub;
  }
}
