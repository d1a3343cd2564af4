import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { outboxQueue } from '../queue/outbox-queue.js';
import { RedisConnection } from '../queue/redis-connection.js';

/** The mail queue, its jobs (ids only: the outbox holds the mail) and the periodic tick. */
export const MAIL_QUEUE = 'notifications';
export const SEND_JOB = 'send';
/** Re-queues the outbox's pending mail and composes the digest once it is due. */
export const TICK_JOB = 'tick';

export interface MailJobData {
  mailId?: string;
}

/** Derived from the outbox row, so handing a mail to the queue twice adds one job. */
export function mailJobId(mailId: string): string {
  return `mail-${mailId}`;
}

/** On the process's fail-fast Redis client: nothing waits on Redis, the outbox keeps what it could not hand over. */
@Injectable()
export class MailQueue implements OnModuleDestroy {
  readonly queue: Queue<MailJobData>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly redis: RedisConnection,
  ) {
    this.queue = outboxQueue<MailJobData>(MAIL_QUEUE, {
      connection: redis.client,
      prefix: config.queuePrefix,
      attempts: config.notifications.attempts,
      backoffMs: config.notifications.backoffMs,
    });
  }

  async enqueue(mailIds: string[]): Promise<void> {
    if (mailIds.length === 0) return;
    await this.queue.addBulk(
      mailIds.map((mailId) => ({ name: SEND_JOB, data: { mailId }, opts: { jobId: mailJobId(mailId) } })),
    );
  }

  /** Of these mails, those Redis holds no job for (never handed over, lost, or given up on). */
  async withoutJobs(mailIds: string[]): Promise<string[]> {
    const pipeline = this.redis.client.pipeline();
    for (const id of mailIds) pipeline.exists(this.queue.toKey(mailJobId(id)));
    const replies = (await pipeline.exec()) ?? [];
    return mailIds.filter((_, i) => {
      const [error, exists] = replies[i];
      if (error) throw error;
      return exists === 0;
    });
  }

  async scheduleTick(everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(TICK_JOB, { every: everyMs }, { name: TICK_JOB, data: {} });
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
