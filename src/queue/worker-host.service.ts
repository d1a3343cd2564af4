import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { QUEUE_JOBS, type JobHandler, type QueueName } from './job-handler.js';
import { RedisConnection } from './redis-connection.js';
import { bullConnection } from './redis-endpoint.js';

/**
 * The one BullMQ worker host of this process (unless RUN_WORKER=false): a worker per queue, each
 * running the jobs its feature registered (deadlines, mail). At boot it checks that every queue
 * in QUEUE_JOBS has a handler for each of its jobs, and refuses to start otherwise. Whenever Redis
 * becomes reachable, each handler catches up with the database; shutdown waits for the work in hand.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<QueueName, JobHandler>();
  private readonly workers: Worker[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly lastError = new Map<QueueName, string>();
  private stopListening?: () => void;
  private scheduleTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnection,
  ) {}

  /** Called by each feature in its `onModuleInit`; the check runs once every module has, at bootstrap. */
  register<Q extends QueueName>(handler: JobHandler<Q>): void {
    if (this.handlers.has(handler.queue)) throw new Error(`queue ${handler.queue} has two job handlers`);
    this.handlers.set(handler.queue, handler as unknown as JobHandler);
  }

  onApplicationBootstrap(): void {
    if (!this.config.runWorker) return;
    this.checkHandlers();
    for (const handler of this.handlers.values()) this.workers.push(this.start(handler));
    this.stopListening = this.redis.onReady(() => void this.track(this.catchUp()));
    if (this.redis.ready) void this.track(this.catchUp());
    // Re-upserting the schedules each period brings them back if Redis lost them (flushed, restarted empty).
    this.scheduleTimer = setInterval(
      () => void this.keepSchedules(),
      this.config.deadlines.reconcileEverySeconds * 1000,
    );
  }

  async onModuleDestroy(): Promise<void> {
    if (this.workers.length === 0) return;
    clearInterval(this.scheduleTimer);
    this.stopListening?.();
    // Our own work (jobs, catching up) finishes before the database closes.
    await Promise.allSettled(this.inFlight);
    // A graceful close would wait for Redis forever while it is away.
    await Promise.all(this.workers.map((worker) => worker.close(!this.redis.ready)));
  }

  /**
   * Runs every queue's reconciliation in this process now (pending deadlines and mail handed to
   * the queue, overdue deadlines run, the digest composed when due) and resolves once it is done:
   * the tests call it instead of waiting for the next period.
   */
  async reconcileNow(): Promise<void> {
    for (const handler of this.handlers.values()) await this.track(handler.catchUp());
  }

  private checkHandlers(): void {
    const missing = (Object.keys(QUEUE_JOBS) as QueueName[]).flatMap((queue) => {
      const handler = this.handlers.get(queue);
      if (!handler) return [`queue ${queue} has no job handler`];
      return QUEUE_JOBS[queue]
        .filter((name) => typeof (handler.jobs as Record<string, unknown>)[name] !== 'function')
        .map((name) => `queue ${queue} has no handler for its job ${name}`);
    });
    if (missing.length > 0) throw new Error(`The worker cannot start: ${missing.join('; ')}`);
  }

  private start(handler: JobHandler): Worker {
    const jobs = handler.jobs as Record<string, JobHandler['jobs'][keyof JobHandler['jobs']]>;
    const worker = new Worker(
      handler.queue,
      (job, token) => {
        const run = jobs[job.name];
        if (!run) return Promise.reject(new Error(`queue ${handler.queue} carries no job named ${job.name}`));
        return this.track(run(job, token));
      },
      {
        connection: bullConnection(this.redis.endpoint, { maxRetriesPerRequest: null }),
        prefix: this.config.queuePrefix,
        ...handler.options,
      },
    );
    worker.on('error', (error) => this.onWorkerError(handler.queue, error));
    worker.on('failed', (job, error) => void this.track(Promise.resolve(handler.failed(job, error))));
    return worker;
  }

  /** Redis is (back) there: every queue's schedule exists and its jobs match the database. */
  private async catchUp(): Promise<void> {
    for (const handler of this.handlers.values()) {
      try {
        await handler.schedule();
        await handler.catchUp();
      } catch (error) {
        this.logger.warn(
          `Catching up the ${handler.queue} queue failed (${(error as Error).message}); the next reconciliation will`,
        );
      }
    }
  }

  private async keepSchedules(): Promise<void> {
    if (!this.redis.ready) return;
    for (const handler of this.handlers.values()) await handler.schedule().catch(() => undefined);
  }

  /** A worker repeats a lost connection at every retry: say each distinct error once. */
  private onWorkerError(queue: QueueName, error: Error): void {
    if (error.message === this.lastError.get(queue)) return;
    this.lastError.set(queue, error.message);
    this.logger.warn(`Worker of the ${queue} queue: ${error.message}`);
  }

  /** Work of this process that shutdown waits for. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }
}
