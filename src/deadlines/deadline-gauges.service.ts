import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertsRepository } from '../alerts/alerts.repository.js';
import { swedishDate } from '../common/swedish-date.js';
import { DocumentsRepository } from '../documents/documents.repository.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { Clock } from '../common/clock.js';
import { DeadlineQueue } from './deadline.queue.js';
import { DeadlinesRepository } from './deadlines.repository.js';
import { Metrics } from '../metrics/metrics.service.js';

// Other features' tables, read for figures only: no module of theirs need be imported.
const outbox = new NotificationsRepository();
const documents = new DocumentsRepository();

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
      'mail_outbox',
      'Mails in the outbox not sent, by status: pending (waiting or being retried) and failed (refused for good)',
      ['status'],
      async () => {
        const rows = await outbox.countsByStatus(this.dataSource.manager, ['pending', 'failed']);
        const count = (status: string) => Number(rows.find((r) => r.status === status)?.count ?? 0);
        return [
          [{ status: 'pending' }, count('pending')],
          [{ status: 'failed' }, count('failed')],
        ];
      },
    );
    this.metrics.gauge(
      'disposals_due',
      'Archived case files whose retention has run out and that wait for a disposal run',
      [],
      async () => {
        const due = await documents.countDisposalsDue(this.dataSource.manager, swedishDate(this.clock.now()));
        return [[{}, due]];
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
