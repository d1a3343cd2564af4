import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DelayedError, Worker, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Metrics } from '../metrics/metrics.js';
import { RedisConnection } from '../queue/redis-connection.js';
import { bullConnection } from '../queue/redis-endpoint.js';
import { DeadlineActions, type DeadlineOutcome } from './deadline-actions.js';
import { DEADLINE_JOB, DEADLINE_QUEUE, RECONCILE_JOB, type DeadlineQueueData } from './deadline-jobs.js';
import { DeadlineQueue } from './deadline-queue.js';
import { DeadlineReconciler } from './deadline-reconciler.js';
import { DomainError } from '../common/domain-errors.js';

/**
 * The BullMQ worker of this process (unless RUN_WORKER=false): acts on due deadlines, runs the
 * periodic reconciliation, and catches up whenever Redis becomes reachable. Errors propagate to
 * BullMQ, which retries with backoff; a deadline given up on raises a `deadlineFailed` alert.
 */
@Injectable()
export class DeadlineWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Deadlines');
  private worker?: Worker<DeadlineQueueData>;
  private scheduleTimer?: NodeJS.Timeout;
  private stopListening?: () => void;
  private readonly inFlight = new Set<Promise<unknown>>();
  private lastWorkerError?: string;
  private readonly outcomeListeners = new Set<(deadlineId: string, outcome: DeadlineOutcome['outcome']) => void>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnection,
    private readonly queue: DeadlineQueue,
    private readonly actions: DeadlineActions,
    private readonly reconciler: DeadlineReconciler,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorker) return;
    this.worker = new Worker<DeadlineQueueData>(DEADLINE_QUEUE, (job, token) => this.track(this.process(job, token)), {
      connection: bullConnection(this.redis.endpoint, { maxRetriesPerRequest: null }),
      prefix: this.config.queuePrefix,
      concurrency: this.config.deadlines.concurrency,
    });
    this.worker.on('error', (error) => this.onWorkerError(error));
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    this.stopListening = this.redis.onReady(() => void this.track(this.catchUp()));
    if (this.redis.ready) void this.track(this.catchUp());
    // Re-upserting the schedule each period brings it back if Redis lost it (flushed, restarted empty).
    this.scheduleTimer = setInterval(() => void this.keepSchedule(), this.everyMs());
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.worker) return;
    clearInterval(this.scheduleTimer);
    this.stopListening?.();
    // Our own work (jobs, catching up) finishes before the database closes.
    await Promise.allSettled(this.inFlight);
    // A graceful close would wait for Redis forever while it is away.
    await this.worker.close(!this.redis.ready);
  }

  /** Hears what each delivery of a deadline did in this process (the benchmark counts duplicates with it). */
  onOutcome(listener: (deadlineId: string, outcome: DeadlineOutcome['outcome']) => void): () => void {
    this.outcomeListeners.add(listener);
    return () => this.outcomeListeners.delete(listener);
  }

  private async process(job: Job<DeadlineQueueData>, token: string | undefined): Promise<string> {
    if (job.name === RECONCILE_JOB) {
      const { pending, added, promoted } = await this.reconciler.reconcile();
      return `${pending} pending, ${added} re-queued, ${promoted} run now`;
    }
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

  private async onFailed(job: Job<DeadlineQueueData> | undefined, error: Error): Promise<void> {
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

  /** Redis is (back) there: make sure the schedule exists and every pending deadline has its job. */
  private async catchUp(): Promise<void> {
    try {
      await this.queue.scheduleReconciliation(this.everyMs());
      await this.reconciler.reconcile();
    } catch (error) {
      this.logger.warn(
        `Catching up with the database failed (${(error as Error).message}); the next reconciliation will`,
      );
    }
  }

  private async keepSchedule(): Promise<void> {
    if (!this.redis.ready) return;
    await this.queue.scheduleReconciliation(this.everyMs()).catch(() => undefined);
  }

  /** The worker repeats a lost connection at every retry: say each distinct error once. */
  private onWorkerError(error: Error): void {
    if (error.message === this.lastWorkerError) return;
    this.lastWorkerError = error.message;
    this.logger.warn(`Deadline worker: ${error.message}`);
  }

  /** Work of this process that shutdown waits for. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private everyMs(): number {
    return this.config.deadlines.reconcileEverySeconds * 1000;
  }
}
