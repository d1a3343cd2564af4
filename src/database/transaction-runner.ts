import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs units of work in one database transaction each.
 *
 * better-sqlite3 gives TypeORM a single connection, so two transactions open at once collide
 * ("cannot start a transaction within a transaction"): on SQLite every unit of work, reads
 * included (they would otherwise see another one's uncommitted rows), waits its turn.
 */
@Injectable()
export class TransactionRunner {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) return this.dataSource.transaction(work);
    const next = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = next.catch(() => undefined);
    return next;
  }
}
