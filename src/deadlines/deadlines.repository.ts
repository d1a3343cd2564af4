import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { listParameter, RowMapper, run, type Sql } from '../database/sql.js';
import { Deadline, type DeadlineStatus } from './deadline.entity.js';

const DEADLINE_COLUMNS = [
  'id',
  'caseId',
  'kind',
  'dueAt',
  'event',
  'status',
  'createdAt',
  'settledAt',
] as const satisfies readonly (keyof Deadline)[];

const BY_ID: Sql = {
  postgres: 'SELECT * FROM "deadlines" WHERE id = $1',
  sqlite: 'SELECT * FROM "deadlines" WHERE id = ?',
};

const OF_CASE: Sql = {
  postgres: 'SELECT * FROM "deadlines" WHERE "caseId" = $1 ORDER BY "dueAt" ASC, "createdAt" ASC',
  sqlite: 'SELECT * FROM "deadlines" WHERE "caseId" = ? ORDER BY "dueAt" ASC, "createdAt" ASC',
};

const PENDING_OF_CASE: Sql = {
  postgres: `SELECT * FROM "deadlines" WHERE "caseId" = $1 AND status = 'pending' ORDER BY "dueAt" ASC`,
  sqlite: `SELECT * FROM "deadlines" WHERE "caseId" = ? AND status = 'pending' ORDER BY "dueAt" ASC`,
};

const PENDING_OF_CASES: Sql = {
  postgres: `SELECT * FROM "deadlines" WHERE "caseId" = ANY($1) AND status = 'pending' ORDER BY "dueAt" ASC`,
  sqlite: `SELECT * FROM "deadlines" WHERE "caseId" IN (SELECT value FROM json_each(?)) AND status = 'pending' ORDER BY "dueAt" ASC`,
};

const ALL_PENDING: Sql = {
  postgres: `SELECT id, "dueAt" FROM "deadlines" WHERE status = 'pending' ORDER BY "dueAt" ASC`,
  sqlite: `SELECT id, "dueAt" FROM "deadlines" WHERE status = 'pending' ORDER BY "dueAt" ASC`,
};

const INSERT: Sql = {
  postgres:
    'INSERT INTO "deadlines" (id, "caseId", kind, "dueAt", event, status, "createdAt", "settledAt") ' +
    'SELECT id, "caseId", kind, "dueAt", event, status, "createdAt", "settledAt" FROM json_populate_recordset(NULL::"deadlines", $1)',
  sqlite:
    'INSERT INTO "deadlines" (id, "caseId", kind, "dueAt", event, status, "createdAt", "settledAt") ' +
    `SELECT value ->> 'id', value ->> 'caseId', value ->> 'kind', value ->> 'dueAt', value ->> 'event', value ->> 'status', value ->> 'createdAt', value ->> 'settledAt' FROM json_each(?)`,
};

const CANCEL_PENDING: Sql = {
  postgres: `UPDATE "deadlines" SET status = 'cancelled', "settledAt" = $1 WHERE id = ANY($2) AND status = 'pending'`,
  sqlite: `UPDATE "deadlines" SET status = 'cancelled', "settledAt" = ? WHERE id IN (SELECT value FROM json_each(?)) AND status = 'pending'`,
};

const SETTLE_PENDING: Sql = {
  postgres: `UPDATE "deadlines" SET status = $1, "settledAt" = $2 WHERE id = $3 AND status = 'pending'`,
  sqlite: `UPDATE "deadlines" SET status = ?, "settledAt" = ? WHERE id = ? AND status = 'pending'`,
};

/**
 * Due pending reminders but the one delivered, soonest first (ties by id, the order deliveries
 * come in, so a delivery only waits on a batch holding the very row it delivers). On PostgreSQL
 * rows another transaction holds are passed over and those read are held to the commit.
 */
const DUE_REMINDERS: Sql = {
  postgres: `SELECT * FROM "deadlines" WHERE status = 'pending' AND "dueAt" <= $1 AND id <> $2 AND event IS NULL ORDER BY "dueAt" ASC, id ASC LIMIT $3 FOR UPDATE SKIP LOCKED`,
  sqlite: `SELECT * FROM "deadlines" WHERE status = 'pending' AND "dueAt" <= ? AND id <> ? AND event IS NULL ORDER BY "dueAt" ASC, id ASC LIMIT ?`,
};

const FIRE: Sql = {
  postgres: `UPDATE "deadlines" SET status = 'fired', "settledAt" = $1 WHERE id = ANY($2)`,
  sqlite: `UPDATE "deadlines" SET status = 'fired', "settledAt" = ? WHERE id IN (SELECT value FROM json_each(?))`,
};

/** The deadlines table, inside the caller's transaction. */
@Injectable()
export class DeadlinesRepository {
  async find(manager: EntityManager, deadlineId: string): Promise<Deadline | null> {
    const { records } = await run(manager, BY_ID, [deadlineId]);
    return records.length > 0 ? RowMapper.of(manager, Deadline).entity(records[0]) : null;
  }

  /** The case's deadlines of every status, soonest first (then in the order they were added). */
  async ofCase(manager: EntityManager, caseId: string): Promise<Deadline[]> {
    return RowMapper.of(manager, Deadline).entities((await run(manager, OF_CASE, [caseId])).records);
  }

  /** The case's pending deadlines, soonest first. */
  async pendingOfCase(manager: EntityManager, caseId: string): Promise<Deadline[]> {
    return RowMapper.of(manager, Deadline).entities((await run(manager, PENDING_OF_CASE, [caseId])).records);
  }

  /** The pending deadlines of these cases, soonest first. */
  async pendingOfCases(manager: EntityManager, caseIds: readonly string[]): Promise<Deadline[]> {
    if (caseIds.length === 0) return [];
    const { records } = await run(manager, PENDING_OF_CASES, [listParameter(manager, caseIds)]);
    return RowMapper.of(manager, Deadline).entities(records);
  }

  /** Every pending deadline, soonest first: what the queue must hold. */
  async allPending(manager: EntityManager): Promise<Pick<Deadline, 'id' | 'dueAt'>[]> {
    return RowMapper.of(manager, Deadline).entities((await run(manager, ALL_PENDING, [])).records);
  }

  async insert(manager: EntityManager, deadlines: readonly Deadline[]): Promise<void> {
    if (deadlines.length === 0) return;
    await run(manager, INSERT, [RowMapper.of(manager, Deadline).json(deadlines, DEADLINE_COLUMNS)]);
  }

  async cancelPending(manager: EntityManager, deadlineIds: readonly string[], now: Date): Promise<void> {
    if (deadlineIds.length === 0) return;
    const mapper = RowMapper.of(manager, Deadline);
    await run(manager, CANCEL_PENDING, [mapper.value('settledAt', now), listParameter(manager, deadlineIds)]);
  }

  /** Marks the deadline settled if it is still pending; false when it was not (settled by someone else first). */
  async settleIfPending(
    manager: EntityManager,
    deadlineId: string,
    status: Exclude<DeadlineStatus, 'pending'>,
    now: Date,
  ): Promise<boolean> {
    const mapper = RowMapper.of(manager, Deadline);
    const { affected } = await run(manager, SETTLE_PENDING, [status, mapper.value('settledAt', now), deadlineId]);
    return affected === 1;
  }

  /**
   * Up to `limit` due pending reminders besides the one delivered, claimed and marked fired; only
   * those no other transaction holds (SKIP LOCKED on PostgreSQL; SQLite runs one transaction at a
   * time), so two batches never wait on each other and cannot deadlock.
   */
  async claimDueReminders(manager: EntityManager, deliveredId: string, now: Date, limit: number): Promise<Deadline[]> {
    const mapper = RowMapper.of(manager, Deadline);
    const at = mapper.value('settledAt', now);
    const rows = mapper.entities((await run(manager, DUE_REMINDERS, [at, deliveredId, limit])).records);
    if (rows.length > 0)
      await run(manager, FIRE, [
        at,
        listParameter(
          manager,
          rows.map((row) => row.id),
        ),
      ]);
    return rows;
  }

  /** How many deadlines are pending, and how many of them are due by `now`. */
  async pendingCounts(manager: EntityManager, now: Date): Promise<{ total: number; due: number }> {
    const row = await manager
      .createQueryBuilder(Deadline, 'd')
      .select('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN d.dueAt <= :now THEN 1 ELSE 0 END)', 'due')
      .where('d.status = :pending', { pending: 'pending', now })
      .getRawOne<{ total: string | number; due: string | number | null }>();
    return { total: Number(row?.total ?? 0), due: Number(row?.due ?? 0) };
  }
}
