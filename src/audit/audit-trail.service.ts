import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  Between,
  DataSource,
  LessThanOrEqual,
  MoreThanOrEqual,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Page } from '../common/paging.dto.js';
import { ListTotals } from '../database/list-totals.js';
import { PreparedStatements } from '../database/prepared-statements.js';
import { TableStatements, type SelectShape } from '../database/table-statements.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Metrics } from '../metrics/metrics.js';
import { chainHash, GENESIS_HASH, KEYED_SCHEME, type ChainHead } from './audit-chain.js';
import { auditChainKey, HeadFile } from './chain-anchor.js';
import { AuditEntry } from './audit-entry.entity.js';

/** What the caller of `record` says; sequence, time and hashes are the trail's own. */
export type AuditRecord = Pick<
  AuditEntry,
  'actorId' | 'actorRole' | 'caseId' | 'subject' | 'action' | 'resource' | 'ip' | 'allowed' | 'status'
>;

export interface AuditFilter {
  caseId?: string;
  userId?: string;
  from?: Date;
  to?: Date;
}

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

const CHAIN_HEAD: SelectShape<AuditEntry> = {
  where: [],
  columns: ['seq', 'hash'],
  orderBy: [['seq', 'DESC']],
  limit: 1,
};

/** Any fixed number: the one lock PostgreSQL appenders queue on, so the chain has one head. */
const CHAIN_LOCK_KEY = 7_412_001;
const HEAD_UNDER_LOCK = 'SELECT seq, hash FROM audit_chain_head($1)';

@Injectable()
export class AuditTrail implements OnApplicationShutdown {
  private readonly postgres: boolean;
  private readonly key: Buffer;
  private readonly headFile: HeadFile;
  /** The text columns' widths, in characters: [property, width]. */
  private readonly widths: [string, number][];
  private readonly totals = new ListTotals();
  /** The newest head committed, and the newest written to the head file. */
  private committedHead: ChainHead | undefined;
  private exportedSeq = 0;
  /** The write of the head file this loop turn, once a commit asked for one. */
  private nextExport: Promise<void> | undefined;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
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
    const trail = TableStatements.of(manager.connection, AuditEntry);
    const [last] = this.postgres ? await this.headUnderLock(manager) : await trail.select(manager, CHAIN_HEAD, []);
    let previous: ChainHead = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
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
    await trail.insert(manager, rows);
    return previous;
  }

  /** PostgreSQL: takes the chain's lock and reads the head it guards in one round trip (see ReadAuditHeadUnderLock1763900002100). */
  private async headUnderLock(manager: EntityManager): Promise<ChainHead[]> {
    const { records } = await PreparedStatements.of(manager.connection).run(manager.queryRunner!, HEAD_UNDER_LOCK, [
      CHAIN_LOCK_KEY,
    ]);
    return records as unknown as ChainHead[];
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
    const where = whereOf(filter);
    // Counted first: a row that appears in between then shows in the items, never in a total whose items lack it.
    const [total, items] = await this.transactions.run(
      async (manager) =>
        [
          await this.totals.count(manager, AuditEntry, where, JSON.stringify(filter)),
          await manager.find(AuditEntry, { where, order: { seq: 'ASC' }, take: limit, skip: offset }),
        ] as const,
    );
    return { items, total };
  }
}

function whereOf(filter: AuditFilter): FindOptionsWhere<AuditEntry> {
  const where: FindOptionsWhere<AuditEntry> = {};
  if (filter.caseId) where.caseId = filter.caseId;
  if (filter.userId) where.actorId = filter.userId;
  if (filter.from && filter.to) where.at = Between(filter.from, filter.to);
  else if (filter.from) where.at = MoreThanOrEqual(filter.from);
  else if (filter.to) where.at = LessThanOrEqual(filter.to);
  return where;
}

/** The whole trail in chain order, a batch at a time, for the verifier. */
export async function* readTrail(manager: EntityManager, batchSize = 1000): AsyncGenerator<AuditEntry> {
  let after = 0;
  for (;;) {
    const batch = await manager
      .getRepository(AuditEntry)
      .createQueryBuilder('e')
      .where('e.seq > :after', { after })
      .orderBy('e.seq', 'ASC')
      .limit(batchSize)
      .getMany();
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].seq;
  }
}
