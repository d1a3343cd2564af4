import type { Job } from 'bullmq';

/**
 * Every BullMQ queue the service runs and the jobs each carries. The worker host does not start
 * while a queue here has no handler, or its handler lacks one of the queue's jobs.
 */
export const QUEUE_JOBS = {
  deadlines: ['deadline', 'reconcile'],
  notifications: ['send', 'tick'],
} as const;

export type QueueName = keyof typeof QUEUE_JOBS;
export type JobName<Q extends QueueName> = (typeof QUEUE_JOBS)[Q][number];

/** What a feature gives the worker host for its queue: the code of each job, and how to catch up. */
export interface JobHandler<Q extends QueueName = QueueName> {
  readonly queue: Q;
  /** Jobs run at once by this process, and BullMQ's lock on a job while it runs. */
  readonly options: { concurrency: number; lockDuration?: number; stalledInterval?: number };
  /** Runs one job; its answer is the job's return value. A job put back for later throws BullMQ's DelayedError. */
  readonly jobs: { readonly [N in JobName<Q>]: (job: Job, token: string | undefined) => Promise<string> };
  /** Makes sure the queue's repeating job exists: at start, whenever Redis comes back, and periodically. */
  schedule(): Promise<void>;
  /** Redis is (back) there: hands the queue whatever the database holds that it lacks. */
  catchUp(): Promise<void>;
  /** A job failed (BullMQ retries it while attempts remain). */
  failed(job: Job | undefined, error: Error): void | Promise<void>;
}
