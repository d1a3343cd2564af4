import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertsRepository } from '../alerts/alerts.repository.js';
import { Clock } from '../common/clock.js';
import { DeadlineQueue } from './deadline.queue.js';
import { DeadlinesRepository } from './deadlines.repository.js';
import { Metrics } from '../metrics/metrics.service.js';

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
    private readonly deadlines: DeadlinesRepository,
    private readonly alerts: AlertsRepository,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'deadlines_pending',
      'Pending deadline rows, by whether they are already due',
      ['due'],
      async () => {
        const { total, due } = await this.deadlines.pendingCounts(this.dataSource.manager, this.clock.now());
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
        const failed = await this.alerts.unresolvedOfKind(this.dataSource.manager, 'deadlineFailed');
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
