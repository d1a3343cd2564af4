import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { openTransactionOf } from '../database/transaction-runner.service.js';
import { MailQueue } from './mail.queue.js';

/**
 * Hands outbox mail to the queue once the transaction that wrote it has committed (a job must not
 * look for a row not yet there), without the request waiting: when Redis is away the tick's
 * reconciliation hands it over later. A unit rolled back inside a larger transaction (SQLite's
 * group commit) may leave an id here whose row never existed; its job finds nothing and ends.
 */
@Injectable()
export class MailDispatch implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger('Notifications');
  private readonly waiting = new WeakMap<QueryRunner, string[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: MailQueue,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** Inside the transaction that wrote the mails. */
  afterCommit(manager: EntityManager, mailIds: string[]): void {
    const runner = openTransactionOf(manager);
    if (!runner) {
      this.hand(mailIds);
      return;
    }
    this.waiting.set(runner, [...(this.waiting.get(runner) ?? []), ...mailIds]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint: the outer transaction still decides.
    if (event.queryRunner.isTransactionActive) return;
    const mailIds = this.waiting.get(event.queryRunner);
    this.waiting.delete(event.queryRunner);
    if (mailIds) this.hand(mailIds);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.waiting.delete(event.queryRunner);
  }

  private hand(mailIds: string[]): void {
    this.queue.enqueue(mailIds).catch((error: Error) => {
      this.logger.warn(
        `${mailIds.length} mail(s) not handed to the queue yet (${error.message}); the next reconciliation will`,
      );
    });
  }
}
