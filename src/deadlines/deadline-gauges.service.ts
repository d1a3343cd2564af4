import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Alert } from '../alerts/alert.entity.js';
import { Clock } from '../common/clock.js';
import { Metrics } from '../metrics/metrics.service.js';
import { DeadlineQueue } from './deadline.queue.js';
import { Deadline } from './deadline.entity.js';

/** The queue's job states an operator watches; completed and failed jobs are removed at once. */
const JOB_STATES = ['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'] as const;

/**
 * The deadlines' figures, read from the database and Redis when scraped: the same in every
 * process, so any one of them answers for all.
 */
@Injectable()
export class DeadlineGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    private readonly queue: DeadlineQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'deadlines_pending',
      'Pending deadline rows, by whether they are already due',
      ['due'],
      async () => {
        const rows = await this.dataSource
          .getRepository(Deadline)
          .createQueryBuilder('d')
          .select('COUNT(*)', 'total')
          .addSelect('SUM(CASE WHEN d.dueAt <= :now THEN 1 ELSE 0 END)', 'due')
          .where('d.status = :pending', { pending: 'pending', now: this.clock.now() })
          .getRawOne<{ total: string | number; due: string | number | null }>();
        const total = Number(rows?.total ?? 0);
        const due = Number(rows?.due ?? 0);
        return [
          [{ due: 'true' }, due],
          [{ due: 'false' }, total - due],
        ];
      },
    );
    this.metrics.gauge(
      'deadlines_failed',
      'Deadlines the queue gave up on that are still pending (their deadlineFailed alert is unresolved)',
      [],
      async () => {
        const failed = await this.dataSource
          .getRepository(Alert)
          .createQueryBuilder('a')
          .where('a.kind = :kind AND a.resolvedAt IS NULL', { kind: 'deadlineFailed' })
          .getCount();
        return [[{}, failed]];
      },
    );
    this.metrics.gauge(
      'deadline_queue_jobs',
      'Jobs in the deadline queue in Redis, by state (absent while Redis is unreachable)',
      ['state'],
      async () => {
        const counts = await this.queue.queue.getJobCounts(...JOB_STATES);
        return JOB_STATES.map((state) => [{ state }, counts[state] ?? 0]);
      },
    );
  }
}
