import { AsyncResource } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';

type UnitOfWork<T> = (manager: EntityManager) => Promise<T>;

/** The connection whose transaction the manager works in, while one is open: what an after-commit hook waits for. */
export function openTransactionOf(manager: EntityManager): QueryRunner | undefined {
  const runner = manager.queryRunner;
  return runner?.isTransactionActive ? runner : undefined;
}

interface Queued {
  work: UnitOfWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** How many waiting units of work share one SQLite commit at most. */
const MAX_GROUP = 64;

/**
 * Runs units of work in one database transaction each.
 *
 * better-sqlite3 gives TypeORM a single connection, so two transactions open at once collide
 * ("cannot start a transaction within a transaction"): on SQLite units of work run one at a
 * time, reads included (they would otherwise see another's uncommitted rows). Units that queue
 * up meanwhile share one commit (group commit): each runs inside its own savepoint, so a unit
 * that fails undoes only its own writes, and every answer waits for the one durable COMMIT.
 * A failed COMMIT fails every unit of the group: nothing is acknowledged that was not written.
 */
@Injectable()
export class TransactionRunner {
  private readonly serial: boolean;
  private readonly queue: Queued[] = [];
  private draining = false;

  constructor(private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  /**
   * A unit of work that only reads, seeing one snapshot throughout: on PostgreSQL in REPEATABLE
   * READ (its default, READ COMMITTED, lets each statement see commits made since the one before,
   * so a case could show a deadline fired by a change whose new state it does not show); a
   * read-only transaction there never fails for it. On SQLite every unit already sees one snapshot.
   */
  read<T>(work: UnitOfWork<T>): Promise<T> {
    if (!this.serial) return this.readOnPostgres(work);
    return this.run(work);
  }

  /**
   * Opened in one statement, READ ONLY besides (a write there fails instead of passing unseen):
   * TypeORM's transaction('REPEATABLE READ') takes two round trips to open one, a sixth of a read's.
   * TypeORM is not told of this transaction, so the work must not open one of its own (a read does not).
   */
  private async readOnPostgres<T>(work: UnitOfWork<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      try {
        const value = await work(runner.manager);
        await runner.query('COMMIT');
        return value;
      } catch (error) {
        // The work's error is the one to answer; a connection too broken to roll back is the pool's to drop.
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  run<T>(work: UnitOfWork<T>): Promise<T> {
    if (!this.serial) return this.dataSource.transaction(work);
    return new Promise<T>((resolve, reject) => {
      // The group runs in whichever request started it: each unit keeps its own caller's async
      // context, so what it asks of AsyncLocalStorage (its request's audit entry, its log) is its own.
      // A resource rather than AsyncResource.bind, which on Node 20 also builds deprecation wrappers on every call.
      const caller = new AsyncResource('TransactionUnit');
      const inCallersContext: UnitOfWork<unknown> = (manager) => caller.runInAsyncScope(work, undefined, manager);
      this.queue.push({ work: inCallersContext, resolve: resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /**
   * better-sqlite3 runs every statement, COMMIT's fsync included, on the event loop: a group runs
   * without letting new requests in. So each group starts a loop turn later, when the requests
   * that arrived meanwhile have queued their units and can share its commit.
   */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.runGroup(this.queue.splice(0, MAX_GROUP));
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.draining = false;
    }
  }

  private async runGroup(group: Queued[]): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      await runner.startTransaction();
      for (const unit of group) {
        await runner.startTransaction();
        try {
          const value = await unit.work(runner.manager);
          await runner.commitTransaction();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await runner.rollbackTransaction();
          outcomes.push({ ok: false, value: error });
        }
      }
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      for (const unit of group) unit.reject(error);
      return;
    } finally {
      await runner.release();
    }
    group.forEach((unit, i) => (outcomes[i].ok ? unit.resolve(outcomes[i].value) : unit.reject(outcomes[i].value)));
  }
}
