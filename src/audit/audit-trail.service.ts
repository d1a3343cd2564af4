import { Injectable } from '@nestjs/common';
import { Between, DataSource, LessThanOrEqual, MoreThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { Page } from '../common/paging.dto.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Metrics } from '../metrics/metrics.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';
import { AuditEntry } from './audit-entry.entity.js';

/** What the caller of `record` says; sequence, time and hashes are the trail's own. */
export type AuditRecord = Pick<AuditEntry, 'actorId' | 'actorRole' | 'caseId' | 'action' | 'resource' | 'ip' | 'allowed' | 'status'>;

export interface AuditFilter {
  caseId?: string;
  userId?: string;
  from?: Date;
  to?: Date;
}

/** Any fixed number: the one lock PostgreSQL appenders queue on, so the chain has one head. */
const CHAIN_LOCK_KEY = 7_412_001;

@Injectable()
export class AuditTrail {
  private readonly postgres: boolean;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    dataSource: DataSource,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /**
   * Appends one entry at the head of the chain. Appends are serialised (SQLite runs one unit of
   * work at a time; PostgreSQL queues them on a transaction-level advisory lock), so no two
   * entries ever claim the same predecessor.
   */
  async record(record: AuditRecord): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (this.postgres) await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
      const [head] = await manager.find(AuditEntry, { select: { seq: true, hash: true }, order: { seq: 'DESC' }, take: 1 });
      const facts = { ...record, seq: (head?.seq ?? 0) + 1, at: this.clock.now() };
      const prevHash = head?.hash ?? GENESIS_HASH;
      await manager.insert(AuditEntry, { ...facts, prevHash, hash: chainHash(prevHash, facts) });
    });
    this.metrics.auditAppended(record.allowed);
  }

  async list(filter: AuditFilter, limit: number, offset: number): Promise<Page<AuditEntry>> {
    const [items, total] = await this.transactions.run((manager) =>
      manager.findAndCount(AuditEntry, { where: whereOf(filter), order: { seq: 'ASC' }, take: limit, skip: offset }),
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
