import { Injectable } from '@nestjs/common';
import {
  Between,
  LessThanOrEqual,
  MoreThan,
  MoreThanOrEqual,
  type DataSource,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm';
import { ListTotals } from '../database/list-totals.js';
import { RowMapper, run, type Sql } from '../database/sql.js';
import type { ChainHead } from './audit-chain.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditFilter {
  caseId?: string;
  userId?: string;
  from?: Date;
  to?: Date;
}

/** Which end of the trail a page starts from. */
export type AuditOrder = 'oldest' | 'newest';

const ENTRY_COLUMNS = [
  'seq',
  'at',
  'actorId',
  'actorRole',
  'caseId',
  'action',
  'resource',
  'ip',
  'subject',
  'scheme',
  'allowed',
  'status',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof AuditEntry)[];

/** Any fixed number: the one lock PostgreSQL appenders queue on, so the chain has one head. */
export const CHAIN_LOCK_KEY = 7_412_001;
/** PostgreSQL: the lock, the trail's head, the head row and the entries at both exported heads, in one round trip. */
const HEAD_UNDER_LOCK: Sql = { postgres: 'SELECT * FROM audit_chain_head($1, $2)' };
/** PostgreSQL, for a look without appending (the health check): the same, without the lock. */
const HEAD_READ: Sql = { postgres: 'SELECT * FROM audit_chain_head(NULL, $1)' };
/** SQLite: the trail's head and its entry at the exported head's sequence. */
const HEAD_AND_EXPORTED: Sql = {
  sqlite: 'SELECT seq, hash FROM "audit_trail" WHERE seq = (SELECT MAX(seq) FROM "audit_trail") OR seq = ?',
};

/** What PostgreSQL's audit_chain_head gives: the trail's head, the head row, and the entries at both exported heads. */
export interface PostgresAuditHead {
  seq: number | null;
  hash: string | null;
  anchored_seq: number;
  anchored_hash: string;
  at_anchored: string | null;
  at_exported: string | null;
}

const INSERT: Sql = {
  postgres:
    'INSERT INTO "audit_trail" (seq, at, "actorId", "actorRole", "caseId", action, resource, ip, subject, scheme, allowed, status, "prevHash", hash) ' +
    'SELECT seq, at, "actorId", "actorRole", "caseId", action, resource, ip, subject, scheme, allowed, status, "prevHash", hash FROM json_populate_recordset(NULL::"audit_trail", $1)',
  sqlite:
    'INSERT INTO "audit_trail" (seq, at, "actorId", "actorRole", "caseId", action, resource, ip, subject, scheme, allowed, status, "prevHash", hash) ' +
    `SELECT value ->> 'seq', value ->> 'at', value ->> 'actorId', value ->> 'actorRole', value ->> 'caseId', value ->> 'action', value ->> 'resource', value ->> 'ip', value ->> 'subject', value ->> 'scheme', value ->> 'allowed', value ->> 'status', value ->> 'prevHash', value ->> 'hash' FROM json_each(?)`,
};

/** The triggers that make the table append-only (migration 1763900000200), by database. */
const APPEND_ONLY_TRIGGERS: Sql = {
  postgres: `SELECT tgname AS name FROM pg_trigger WHERE tgrelid = 'audit_trail'::regclass AND NOT tgisinternal AND tgenabled <> 'D'`,
  sqlite: `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_trail'`,
};

/** The audit trail, inside the caller's transaction: appended to, paged through, read whole by the verifier. */
@Injectable()
export class AuditRepository {
  private readonly totals = new ListTotals();

  /**
   * PostgreSQL: the trail's head against the head row and the entry at `exportedSeq`; `locked`
   * takes the chain's lock first, held to the commit, so appenders take turns.
   */
  async postgresHead(
    manager: EntityManager,
    locked: boolean,
    exportedSeq: number,
  ): Promise<PostgresAuditHead | undefined> {
    const { records } = locked
      ? await run(manager, HEAD_UNDER_LOCK, [CHAIN_LOCK_KEY, exportedSeq])
      : await run(manager, HEAD_READ, [exportedSeq]);
    return records[0] as unknown as PostgresAuditHead | undefined;
  }

  /** SQLite (one unit of work at a time): the trail's head entry and the entry at `exportedSeq`, where they are. */
  async sqliteHeads(manager: EntityManager, exportedSeq: number): Promise<ChainHead[]> {
    const { records } = await run(manager, HEAD_AND_EXPORTED, [exportedSeq]);
    return records.map((row) => ({ seq: Number(row.seq), hash: row.hash as string }));
  }

  async insert(manager: EntityManager, entries: readonly Partial<AuditEntry>[]): Promise<void> {
    if (entries.length === 0) return;
    await run(manager, INSERT, [RowMapper.of(manager, AuditEntry).json(entries, ENTRY_COLUMNS)]);
  }

  /** A page of the entries the filter matches in chain order (or the newest first), and their total (counted first). */
  async page(
    manager: EntityManager,
    filter: AuditFilter,
    limit: number,
    offset: number,
    order: AuditOrder = 'oldest',
  ): Promise<{ total: number; items: AuditEntry[] }> {
    const where = whereOf(filter);
    const total = await this.totals.count(manager, AuditEntry, where, JSON.stringify(filter));
    const items = await manager.find(AuditEntry, {
      where,
      order: { seq: order === 'newest' ? 'DESC' : 'ASC' },
      take: limit,
      skip: offset,
    });
    return { total, items };
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
    const batch = await manager.find(AuditEntry, {
      where: { seq: MoreThan(after) },
      order: { seq: 'ASC' },
      take: batchSize,
    });
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].seq;
  }
}

/** The names of the audit trail's enabled triggers. */
export async function enabledAuditTriggers(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const { records } = await run(runner.manager, APPEND_ONLY_TRIGGERS, []);
    return records.map((row) => row.name as string);
  } finally {
    await runner.release();
  }
}
