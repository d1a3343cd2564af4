import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RedisConnection } from '../queue/redis-connection.js';
import { bullConnection } from '../queue/redis-endpoint.js';
import { MAIL_QUEUE, MailQueue, SEND_JOB, TICK_JOB, type MailJobData } from './mail-queue.js';
import { MailSender } from './mail-sender.js';
import { NotificationOutbox } from './notification-outbox.js';

/**
 * A process that dies mid-send holds its job this long before another process takes it over
 * (BullMQ's stalled-job check); a living one renews the lock at half of it, however slow the send.
 */
const LOCK_MS = 10_000;
const STALLED_CHECK_MS = 5_000;

/**
 * The mail worker of this process (unless RUN_WORKER=false): sends outbox mail, and on each tick
 * (every RECONCILE_EVERY_SECONDS) hands the queue the pending mail it lacks and composes the
 * digest when it is due. Catches up whenever Redis becomes reachable.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private worker?: Worker<MailJobData>;
  private stopListening?: () => void;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnection,
    private readonly queue: MailQueue,
    private readonly sender: MailSender,
    private readonly outbox: NotificationOutbox,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorker) return;
    this.worker = new Worker<MailJobData>(MAIL_QUEUE, (job) => this.track(this.process(job)), {
      connection: bullConnection(this.redis.endpoint, { maxRetriesPerRequest: null }),
      prefix: this.config.queuePrefix,
      concurrency: 5,
      lockDuration: LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
    });
    // Redis outages are reported once by RedisConnection; a failed send is recorded on its outbox row.
    this.worker.on('error', () => undefined);
    this.worker.on('failed', (job, error) => {
      if (job?.name === SEND_JOB)
        this.logger.warn(`Mail ${job.data.mailId} not sent (attempt ${job.attemptsMade}): ${error.message}`);
    });
    this.stopListening = this.redis.onReady(() => void this.track(this.catchUp()));
    if (this.redis.ready) void this.track(this.catchUp());
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.worker) return;
    this.stopListening?.();
    await Promise.allSettled(this.inFlight);
    await this.worker.close(!this.redis.ready);
  }

  /**
   * Runs the periodic tick in this process now (pending mail re-queued, the digest composed when
   * due) and resolves once it is done: the tests call it rather than wait for the next period.
   */
  async reconcileNow(): Promise<void> {
    await this.track(this.tick());
  }

  private async process(job: Job<MailJobData>): Promise<string> {
    if (job.name === TICK_JOB) return this.tick();
    return this.sender.send(job.data.mailId!);
  }

  /** Every pending mail has its job (Redis flushed, a hand-over missed, retries used up), and the digest goes out when due. */
  private async tick(): Promise<string> {
    const requeued = await this.queue.withoutJobs(await this.outbox.pendingIds());
    await this.queue.enqueue(requeued);
    const digests = await this.outbox.composeDigestIfDue();
    if (requeued.length > 0 || digests > 0)
      this.logger.log(`${requeued.length} pending mail(s) re-queued, ${digests} digest(s) composed`);
    return `${requeued.length} re-queued, ${digests} digests`;
  }

  private async catchUp(): Promise<void> {
    try {
      await this.queue.scheduleTick(this.config.deadlines.reconcileEverySeconds * 1000);
      await this.tick();
    } catch (error) {
      this.logger.warn(`Catching up with the outbox failed (${(error as Error).message}); the next tick will`);
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }
}
