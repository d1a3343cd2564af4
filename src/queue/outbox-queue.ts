import { Queue, type ConnectionOptions } from 'bullmq';

export interface OutboxQueueOptions {
  connection: ConnectionOptions;
  prefix: string;
  attempts: number;
  backoffMs: number;
}

/**
 * A BullMQ queue for work whose truth is a database row (a deadline, an outbox mail): the job only
 * delivers it. It never waits on Redis, keeps no finished jobs (the row says what happened, and a
 * kept job would block re-adding its id), and stays quiet about outages RedisConnection reports.
 */
export function outboxQueue<T>(name: string, options: OutboxQueueOptions): Queue<T> {
  const queue = new Queue<T>(name, {
    connection: options.connection,
    prefix: options.prefix,
    skipWaitingForReady: true,
    // The version check runs once at start; with Redis away then, the queue would stay broken for good.
    skipVersionCheck: true,
    defaultJobOptions: {
      attempts: options.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    },
  });
  // RedisConnection reports outages once; the queue would repeat them for every reconnection attempt.
  queue.on('error', () => undefined);
  return queue;
}
