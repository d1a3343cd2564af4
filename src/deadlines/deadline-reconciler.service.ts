import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { DeadlineQueue } from './deadline.queue.js';
import { DeadlinesRepository } from './deadlines.repository.js';

export interface Reconciliation {
  pending: number;
  added: number;
  promoted: number;
}

/**
 * Makes Redis hold what the database says: a job for every pending deadline. Run at start-up,
 * when Redis comes back, and periodically; Redis flushed, restarted or away for a day loses nothing.
 */
@Injectable()
export class DeadlineReconciler {
  private readonly logger = new Logger('Deadlines');
  private readonly reconciledListeners = new Set<() => void>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly deadlines: DeadlinesRepository,
    private readonly queue: DeadlineQueue,
  ) {}

  async reconcile(): Promise<Reconciliation> {
    const pending = await this.transactions.run((manager) => this.deadlines.allPending(manager));
    const held = await this.queue.withJobs(pending.map((d) => d.id));
    const missing = pending.filter((d) => !held.has(d.id));
    await this.queue.schedule(missing);
    const promoted = await this.promoteOverdue(pending.filter((d) => held.has(d.id)));
    if (missing.length > 0 || promoted > 0) {
      this.logger.log(
        `Reconciled ${pending.length} pending deadline(s): ${missing.length} re-queued, ${promoted} overdue run now`,
      );
    }
    for (const listener of this.reconciledListeners) listener();
    return { pending: pending.length, added: missing.length, promoted };
  }

  /** Hears each reconciliation this process completes: a test waits on them to know the queue has caught up. */
  onReconciled(listener: () => void): () => void {
    this.reconciledListeners.add(listener);
    return () => this.reconciledListeners.delete(listener);
  }

  /**
   * A job can wait longer than its row says (the clock was set forward, or another process
   * computed the delay): an overdue deadline whose job would not run before the next
   * reconciliation runs now. Shorter waits are left alone, a failing job's backoff among them.
   */
  private async promoteOverdue(queued: { id: string; dueAt: Date }[]): Promise<number> {
    const now = this.clock.now().getTime();
    const overdue = queued.filter((d) => d.dueAt.getTime() <= now).map((d) => d.id);
    const waitingUntil = await this.queue.delayedUntil(overdue);
    const nextRun = Date.now() + this.config.deadlines.reconcileEverySeconds * 1000;
    const late = [...waitingUntil].filter(([, until]) => until > nextRun).map(([id]) => id);
    for (const id of late) await this.queue.promote(id);
    return late.length;
  }
}
