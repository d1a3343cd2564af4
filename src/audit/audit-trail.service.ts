import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Page } from '../common/paging.dto.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Metrics } from '../metrics/metrics.js';
import { chainHash, GENESIS_HASH, KEYED_SCHEME, type ChainHead } from './audit-chain.js';
import { auditChainKey, HeadFile } from './chain-anchor.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';

export type { AuditFilter } from './audit.repository.js';

/** What the caller of `record` says; sequence, time and hashes are the trail's own. */
export type AuditRecord = Pick<
  AuditEntry,
  'actorId' | 'actorRole' | 'caseId' | 'subject' | 'action' | 'resource' | 'ip' | 'allowed' | 'status'
>;

/** A half of a UTF-16 surrogate pair standing alone: no database can store it as it is. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The record as the database will store it: each text cut to its column's width (`widths`, from
 * the entity) by whole characters, and any lone surrogate replaced as the database would. The hash
 * is taken over exactly this, so an entry always verifies (a subject cut through an emoji once
 * broke the chain). Callers pass their texts uncut: this is the one place they are fitted.
 */
function fitted(record: AuditRecord, widths: [string, number][]): AuditRecord {
  const out: Record<string, unknown> = { ...record };
  for (const [field, width] of widths) {
    const value = out[field];
    if (typeof value === 'string')
      out[field] = Array.from(value.replace(LONE_SURROGATE, '\uFFFD')).slice(0, width).join('');
  }
  return out as AuditRecord;
}

@Injectable()
export class AuditTrail implements OnApplicationShutdown {
  private readonly key: Buffer;
  private readonly headFile: HeadFile;
  /** The text columns' widths, in characters: [property, width]. */
  private readonly widths: [string, number][];
  /** The newest head committed, and the newest written to the head file. */
  private committedHead: ChainHead | undefined;
  private exportedSeq = 0;
  /** The write of the head file this loop turn, once a commit asked for one. */
  private nextExport: Promise<void> | undefined;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly trail: AuditRepository,
    dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.widths = dataSource
      .getMetadata(AuditEntry)
      .columns.filter((column) => column.length !== '')
      .map((column) => [column.propertyName, Number(column.length)]);
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
   * entries ever claim the same predecessor.
   */
  async appendWithin(manager: EntityManager, records: AuditRecord[]): Promise<ChainHead> {
    let previous: ChainHead = (await this.trail.headForAppend(manager)) ?? { seq: 0, hash: GENESIS_HASH };
    const rows = records.map((record) => {
      const facts = {
        ...fitted(record, this.widths),
        seq: previous.seq + 1,
        at: this.clock.now(),
        scheme: KEYED_SCHEME,
      };
      const hash = chainHash(previous.hash, facts, this.key);
      const row = { ...facts, prevHash: previous.hash, hash };
      previous = { seq: facts.seq, hash };
      return row;
    });
    await this.trail.insert(manager, rows);
    return previous;
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
          reject(error as Error);
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

  async list(filter: AuditFilter, limit: number, offset: number): Promise<Page<AuditEntry>> {
    return this.transactions.run((manager) => this.trail.page(manager, filter, limit, offset));
  }
}
