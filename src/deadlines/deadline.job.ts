import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Metrics } from '../metrics/metrics.service.js';
import type { JobHandler } from '../queue/job-handler.js';
import { WorkerHost } from '../queue/worker-host.service.js';
import { DeadlineActions, type DeadlineOutcome } from './deadline-actions.service.js';
import { DEADLINE_JOB, DEADLINE_QUEUE, RECONCILE_JOB, type DeadlineQueueData } from './deadline-jobs.js';
import { DeadlineQueue } from './deadline.queue.js';
import { DeadlineReconciler } from './deadline-reconciler.service.js';
import { DomainError } from '../common/domain-errors.js';

/**
 * The deadlines queue's jobs, run by the worker host: acts on due deadlines and runs the periodic
 * reconciliation. Errors propagate to BullMQ, which retries with backoff; a deadline given up on
 * raises a `deadlineFailed` alert.
 */
@Injectable()
export class DeadlineJob implements JobHandler<typeof DEADLINE_QUEUE>, OnModuleInit {
  readonly queue = DEADLINE_QUEUE;
  readonly jobs = {
    [DEADLINE_JOB]: (job: Job<DeadlineQueueData>, token: string | undefined) => this.deliver(job, token),
    [RECONCILE_JOB]: () => this.reconcile(),
  };
  private readonly logger = new Logger('Deadlines');
  private readonly outcomeListeners = new Set<(deadlineId: string, outcome: DeadlineOutcome['outcome']) => void>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly host: WorkerHost,
    private readonly deadlineQueue: DeadlineQueue,
    private readonly actions: DeadlineActions,
    private readonly reconciler: DeadlineReconciler,
    private readonly metrics: Metrics,
  ) {}

  get options() {
    return { concurrency: this.config.deadlines.concurrency };
  }

  onModuleInit(): void {
    this.host.register(this);
  }

  /** Hears what each delivery of a deadline did in this process (the benchmark counts duplicates with it). */
  onOutcome(listener: (deadlineId: string, outcome: DeadlineOutcome['outcome']) => void): () => void {
    this.outcomeListeners.add(listener);
    return () => this.outcomeListeners.delete(listener);
  }

  schedule(): Promise<void> {
    return this.deadlineQueue.scheduleReconciliation(this.config.deadlines.reconcileEverySeconds * 1000);
  }

  /** Redis is (back) there: every pending deadline gets its job. */
  async catchUp(): Promise<void> {
    await this.reconciler.reconcile();
  }

  private async reconcile(): Promise<string> {
    const { pending, added, promoted } = await this.reconciler.reconcile();
    return `${pending} pending, ${added} re-queued, ${promoted} run now`;
  }

  private async deliver(job: Job<DeadlineQueueData>, token: string | undefined): Promise<string> {
    const result = await this.actions.act(job.data.deadlineId!);
    this.metrics.deadlineDelivered(result.outcome, result.outcome === 'fired' ? result.lagMs : undefined);
    for (const listener of this.outcomeListeners) listener(job.data.deadlineId!, result.outcome);
    // Acted on in the same transaction; their own deliveries will be skipped, so they count here.
    for (const other of result.outcome === 'fired' ? result.alongside : []) {
      this.metrics.deadlineDelivered('fired', other.lagMs);
      for (const listener of this.outcomeListeners) listener(other.deadlineId, 'fired');
    }
    if (result.outcome === 'notYetDue') {
      await job.moveToDelayed(Date.now() + result.inMs, token);
      throw new DelayedError();
    }
    return result.outcome;
  }

  async failed(job: Job<DeadlineQueueData> | undefined, error: Error): Promise<void> {
    if (!job || job.name !== DEADLINE_JOB) {
      this.logger.warn(`${job?.name ?? 'A job'} failed: ${error.message}`);
      return;
    }
    const attempts = job.opts.attempts ?? 1;
    const deadlineId = job.data.deadlineId!;
    if (job.attemptsMade < attempts) {
      this.logger.warn(
        `Deadline ${deadlineId} failed (attempt ${job.attemptsMade} of ${attempts}), will retry: ${error.message}`,
      );
      return;
    }
    this.logger.error(
      `Deadline ${deadlineId} failed ${attempts} times; alert raised, the reconciler retries it: ${error.message}`,
    );
    // The alert's reader gets the refusal in Swedish where it is one of ours.
    const reason = error instanceof DomainError ? error.text.sv : error.message;
    await this.actions.reportGivenUp(deadlineId, reason).catch((reportError: Error) => {
      this.logger.error(`Could not raise the alert for deadline ${deadlineId}: ${reportError.message}`);
    });
  }
}
