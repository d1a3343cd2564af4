import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { outboxQueue } from '../queue/outbox-queue.js';
import { RedisConnection } from '../queue/redis-connection.js';
import type { Deadline } from './deadline.entity.js';
import { DEADLINE_JOB, DEADLINE_QUEUE, RECONCILE_JOB, deadlineJobId, type DeadlineQueueData } from './deadline-jobs.js';

/** Redis round trips are batched by this many commands. */
const BATCH = 1000;

/**
 * The deadlines' BullMQ queue, on the process's fail-fast Redis client: every call answers (or
 * fails) at once, whether Redis is there or not.
 */
@Injectable()
export class DeadlineQueue implements OnModuleDestroy {
  readonly queue: Queue<DeadlineQueueData>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly redis: RedisConnection,
    private readonly clock: Clock,
  ) {
    this.queue = outboxQueue<DeadlineQueueData>(DEADLINE_QUEUE, {
      connection: redis.client,
      prefix: config.queuePrefix,
      attempts: config.deadlines.attempts,
      backoffMs: config.deadlines.backoffMs,
    });
  }

  /** Hands deadlines to Redis, each delayed until it is due by the service's clock (at once if overdue). */
  async schedule(deadlines: Pick<Deadline, 'id' | 'dueAt'>[]): Promise<void> {
    for (let i = 0; i < deadlines.length; i += BATCH) {
      // BullMQ counts a delay from the job's timestamp: both taken at the same moment, batch by batch.
      const timestamp = Date.now();
      const now = this.clock.now().getTime();
      await this.queue.addBulk(
        deadlines.slice(i, i + BATCH).map((d) => ({
          name: DEADLINE_JOB,
          data: { deadlineId: d.id },
          opts: { jobId: deadlineJobId(d.id), timestamp, delay: Math.max(0, d.dueAt.getTime() - now) },
        })),
      );
    }
  }

  /** Of these deadline ids, the ones whose job Redis holds (waiting, delayed, active or retrying). */
  async withJobs(deadlineIds: string[]): Promise<Set<string>> {
    const held = await this.ask(
      deadlineIds,
      (pipeline, id) => pipeline.exists(this.queue.toKey(deadlineJobId(id))),
      (reply) => (reply === 1 ? true : undefined),
    );
    return new Set(held.keys());
  }

  /** For those of these deadline ids whose job waits for a later time: until when (epoch ms). */
  async delayedUntil(deadlineIds: string[]): Promise<Map<string, number>> {
    const delayedKey = this.queue.keys.delayed;
    // BullMQ scores a delayed job by its time times 0x1000 plus a counter.
    return this.ask(
      deadlineIds,
      (pipeline, id) => pipeline.zscore(delayedKey, deadlineJobId(id)),
      (reply) => (reply === null ? undefined : Math.floor(Number(reply) / 0x1000)),
    );
  }

  /** Makes a delayed deadline job run now; one that has moved on meanwhile is left alone. */
  async promote(deadlineId: string): Promise<void> {
    const job = await this.queue.getJob(deadlineJobId(deadlineId));
    await job?.promote().catch(() => undefined);
  }

  /** The periodic reconciliation, kept in Redis; re-upserting an unchanged schedule changes nothing. */
  async scheduleReconciliation(everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(RECONCILE_JOB, { every: everyMs }, { name: RECONCILE_JOB, data: {} });
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }

  private async ask<T>(
    ids: string[],
    command: (pipeline: ReturnType<RedisConnection['client']['pipeline']>, id: string) => unknown,
    parse: (reply: unknown) => T | undefined,
  ): Promise<Map<string, T>> {
    const answers = new Map<string, T>();
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const pipeline = this.redis.client.pipeline();
      for (const id of batch) command(pipeline, id);
      const replies = (await pipeline.exec()) ?? [];
      replies.forEach(([error, reply], j) => {
        if (error) throw error;
        const answer = parse(reply);
        if (answer !== undefined) answers.set(batch[j], answer);
      });
    }
    return answers;
  }
}
