import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { JobHandler } from '../queue/job-handler.js';
import { WorkerHost } from '../queue/worker-host.service.js';
import { MAIL_QUEUE, MailQueue, SEND_JOB, TICK_JOB, type MailJobData } from './mail.queue.js';
import { MailSender } from './mail-sender.service.js';
import { NotificationOutbox } from './notification-outbox.service.js';

/**
 * The mail queue's jobs, run by the worker host: sends outbox mail, and on each tick (every
 * RECONCILE_EVERY_SECONDS) hands the queue the pending mail it lacks and composes the digest when
 * it is due.
 */
@Injectable()
export class MailJob implements JobHandler<typeof MAIL_QUEUE>, OnModuleInit {
  readonly queue = MAIL_QUEUE;
  /**
   * A process that dies mid-send holds its job for MAIL_LOCK_MS before another process takes it
   * over (BullMQ's stalled-job check); a living one renews the lock at half of it, however slow the send.
   */
  readonly options: JobHandler<typeof MAIL_QUEUE>['options'];
  readonly jobs = {
    [SEND_JOB]: (job: Job<MailJobData>) => this.sender.send(job.data.mailId!),
    [TICK_JOB]: () => this.tick(),
  };
  private readonly logger = new Logger('Notifications');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly host: WorkerHost,
    private readonly mailQueue: MailQueue,
    private readonly sender: MailSender,
    private readonly outbox: NotificationOutbox,
  ) {
    const lockMs = config.notifications.lockMs;
    this.options = { concurrency: 5, lockDuration: lockMs, stalledInterval: lockMs / 2 };
  }

  onModuleInit(): void {
    this.host.register(this);
  }

  schedule(): Promise<void> {
    return this.mailQueue.scheduleTick(this.config.deadlines.reconcileEverySeconds * 1000);
  }

  async catchUp(): Promise<void> {
    await this.tick();
  }

  /** A failed send is recorded on its outbox row; Redis outages are reported by RedisConnection. */
  failed(job: Job<MailJobData> | undefined, error: Error): void {
    if (job?.name === SEND_JOB) {
      this.logger.warn(`Mail ${job.data.mailId} not sent (attempt ${job.attemptsMade}): ${error.message}`);
    }
  }

  /** Every pending mail has its job (Redis flushed, a hand-over missed, retries used up), and the digest goes out when due. */
  private async tick(): Promise<string> {
    const requeued = await this.mailQueue.withoutJobs(await this.outbox.pendingIds());
    await this.mailQueue.enqueue(requeued);
    const digests = await this.outbox.composeDigestIfDue();
    if (requeued.length > 0 || digests > 0) {
      this.logger.log(`${requeued.length} pending mail(s) re-queued, ${digests} digest(s) composed`);
    }
    return `${requeued.length} re-queued, ${digests} digests`;
  }
}
