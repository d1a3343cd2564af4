import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Page } from '../common/paging.dto.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { Metrics } from '../metrics/metrics.service.js';
import { auditColumnWidths, chainedRows, GENESIS_HASH, type AuditRecord, type ChainHead } from './audit-chain.js';
import { anchorProblem, AuditTrailHaltedError, OPERATOR_ACTION, type ExportedHead } from './anchor-check.js';
import { auditChainKey, HeadFile } from './chain-anchor.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { AuditRepository, type AuditFilter, type AuditOrder } from './audit.repository.js';

export type { AuditFilter } from './audit.repository.js';

/** Where the trail stands against every head exported outside it. */
interface AnchorReading {
  tableHead: ChainHead;
  exported: ExportedHead[];
}

@Injectable()
export class AuditTrail implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditTrail');
  private readonly postgres: boolean;
  private readonly key: Buffer;
  private readonly headFile: HeadFile;
  /** The text columns' widths, in characters: [property, width]. */
  private readonly widths: [string, number][];
  /** The newest head committed, and the newest written to the head file. */
  private committedHead: ChainHead | undefined;
  private exportedSeq = 0;
  /** The write of the head file this loop turn, once a commit asked for one. */
  private nextExport: Promise<void> | undefined;
  /** Why appends are refused, as last found; none while the trail reaches its exported heads. */
  private halt: string | undefined;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly trail: AuditRepository,
    dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
    this.widths = auditColumnWidths(dataSource);
    this.key = auditChainKey(config);
    this.headFile = new HeadFile(config.audit.headPath);
  }

  /**
   * Appends entries at the head of the chain, in one transaction, and exports the new head before
   * resolving: a caller that goes on to send data knows its entries are written and anchored.
   */
  async record(records: AuditRecord | AuditRecord[]): Promise<void> {
    const list = [records].flat();
    const head = await this.transactions.run((manager) => this.appendWithin(manager, list));
    await this.committed(head, list);
  }

  /**
   * Appends inside the caller's transaction; `committed` follows once it commits. Appends are
   * serialised (SQLite runs one unit of work at a time; PostgreSQL queues them on a
   * transaction-level advisory lock, held to the commit: a caller appends last), so no two
   * entries ever claim the same predecessor. Refused (AuditTrailHaltedError) while the trail's
   * end does not reach a head exported before: the head is never built on a cut chain.
   */
  async appendWithin(manager: EntityManager, records: AuditRecord[]): Promise<ChainHead> {
    const { tableHead, exported } = await this.reading(manager, true);
    this.judge(anchorProblem(tableHead, exported));
    const { rows, head } = chainedRows(tableHead, records, this.clock.now(), this.key, this.widths);
    await this.trail.insert(manager, rows);
    return head;
  }

  /** Why the trail is halted now, read afresh; none when it reaches every exported head. For the health check. */
  async haltedBecause(): Promise<string | undefined> {
    const reading = await this.transactions.read((manager) => this.reading(manager, false));
    const problem = anchorProblem(reading.tableHead, reading.exported);
    this.noted(problem);
    return problem;
  }

  /** At start: a trail cut while the service was stopped is reported before the first request. */
  async onApplicationBootstrap(): Promise<void> {
    await this.haltedBecause();
  }

  /**
   * The trail's head and the heads exported outside it. The head file is read first: it only
   * ever names committed entries, so the trail read after it reaches it unless entries were cut.
   * On PostgreSQL `locked` takes the chain's lock for the append that follows.
   */
  private async reading(manager: EntityManager, locked: boolean): Promise<AnchorReading> {
    const fromFile = this.headFile.read();
    const exported: ExportedHead[] = [];
    let tableHead: ChainHead;
    if (this.postgres) {
      const row = await this.trail.postgresHead(manager, locked, fromFile?.seq ?? 0);
      if (!row) throw new AuditTrailHaltedError("PostgreSQL's audit head row is missing");
      tableHead = { seq: Number(row.seq ?? 0), hash: row.hash ?? GENESIS_HASH };
      exported.push({
        where: "PostgreSQL's audit_head row",
        head: { seq: Number(row.anchored_seq), hash: row.anchored_hash },
        entryHash: Number(row.anchored_seq) === 0 ? GENESIS_HASH : row.at_anchored,
      });
      if (fromFile) exported.push({ where: this.headFile.path, head: fromFile, entryHash: row.at_exported });
    } else {
      const rows = await this.trail.sqliteHeads(manager, fromFile?.seq ?? 0);
      tableHead = rows.reduce((top, r) => (r.seq > top.seq ? r : top), { seq: 0, hash: GENESIS_HASH });
      if (fromFile)
        exported.push({
          where: this.headFile.path,
          head: fromFile,
          entryHash: rows.find((r) => r.seq === fromFile.seq)?.hash ?? null,
        });
    }
    return { tableHead, exported };
  }

  /** Refuses the append while halted; logs at error and sets the metric when the verdict changes. */
  private judge(problem: string | undefined): void {
    this.noted(problem);
    if (problem) throw new AuditTrailHaltedError(problem);
  }

  private noted(problem: string | undefined): void {
    if (problem === this.halt) return;
    this.halt = problem;
    this.metrics.auditHalted(problem !== undefined);
    if (problem) this.logger.error(`the audit trail is halted: ${problem}; ${OPERATOR_ACTION}`);
    else this.logger.log('the audit trail reaches its exported head again: appends resume');
  }

  /** After the transaction that appended `records` up to `head` committed: counts them and exports the head. */
  async committed(head: ChainHead, records: AuditRecord[]): Promise<void> {
    for (const record of records) this.metrics.auditAppended(record.allowed);
    if (!this.committedHead || head.seq > this.committedHead.seq) this.committedHead = head;
    await this.exportHeadUpTo(head.seq);
  }

  /**
   * The head file is written once a loop turn, with the newest head committed by then, so the
   * entries of a SQLite commit group, resolved together, share one write.
   */
  private exportHeadUpTo(seq: number): Promise<void> {
    if (this.exportedSeq >= seq) return Promise.resolve();
    this.nextExport ??= new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        this.nextExport = undefined;
        const head = this.committedHead!;
        try {
          this.headFile.write(head);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        this.exportedSeq = head.seq;
        resolve();
      }),
    );
    return this.nextExport;
  }

  onApplicationShutdown(): void {
    this.headFile.close();
  }

  async list(filter: AuditFilter, limit: number, offset: number, order?: AuditOrder): Promise<Page<AuditEntry>> {
    return this.transactions.run((manager) => this.trail.page(manager, filter, limit, offset, order));
  }
}
