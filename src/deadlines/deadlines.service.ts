import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WantedDeadline } from '../../machines/deadline-rules.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { Deadline } from './deadline.entity.js';
import { DeadlinesRepository } from './deadlines.repository.js';

function sameDeadline(row: Deadline, wanted: WantedDeadline): boolean {
  return row.kind === wanted.kind && row.dueAt.getTime() === Date.parse(wanted.dueAt);
}

function byDueThenCreated(a: Deadline, b: Deadline): number {
  return a.dueAt.getTime() - b.dueAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime();
}

/** The deadline was settled (fired or cancelled) by someone else first: the work that found it pending must not commit. */
export class DeadlineAlreadySettledError extends Error {
  constructor(readonly deadlineId: string) {
    super(`deadline ${deadlineId} is no longer pending`);
  }
}

@Injectable()
export class DeadlinesService {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly alerts: AlertsService,
  ) {}

  /**
   * Inside a case's transaction: makes its stored deadlines match what the rules want now.
   * A pending deadline no longer wanted is cancelled; a wanted one not yet stored (pending or
   * already fired) is added. The alerts of deadlines no longer wanted resolve: what they waited
   * for has happened. Returns the added ones, to be handed to the queue after commit, and all the
   * case's deadlines as they now stand (in `DeadlinesRepository.ofCase`'s order), so nobody reads them again.
   */
  async alignWithin(
    manager: EntityManager,
    caseId: string,
    wanted: WantedDeadline[],
    now: Date,
  ): Promise<{ added: Deadline[]; rows: Deadline[] }> {
    const stored = await this.deadlines.ofCase(manager, caseId);
    const existing = stored.filter((row) => row.status === 'pending' || row.status === 'fired');
    const gone = existing.filter((row) => !wanted.some((w) => sameDeadline(row, w)));
    const moot = gone.filter((row) => row.status === 'pending');
    if (moot.length > 0) {
      await this.deadlines.cancelPending(
        manager,
        moot.map((row) => row.id),
        now,
      );
      for (const row of moot) Object.assign(row, { status: 'cancelled', settledAt: now });
    }
    await this.alerts.resolveWithin(
      manager,
      gone.map((row) => row.id),
      now,
    );
    const added = wanted
      .filter((w) => !existing.some((row) => sameDeadline(row, w)))
      .map((w) =>
        Object.assign(new Deadline(), {
          id: randomUUID(),
          caseId,
          kind: w.kind,
          dueAt: new Date(w.dueAt),
          event: w.event ?? null,
          status: 'pending' as const,
          createdAt: now,
          settledAt: null,
        }),
      );
    await this.deadlines.insert(manager, added);
    return { added, rows: [...stored, ...added].sort(byDueThenCreated) };
  }

  /**
   * Inside the transaction that acts on a pending deadline: marks it fired or cancelled. Throws
   * DeadlineAlreadySettledError (rolling the transaction back) when it is no longer pending, so
   * a deadline delivered twice acts once. Alerts about its failing resolve; a cancelled one's all do.
   */
  async settleWithin(
    manager: EntityManager,
    deadlineId: string,
    status: 'fired' | 'cancelled',
    now: Date,
  ): Promise<void> {
    if (!(await this.deadlines.settleIfPending(manager, deadlineId, status, now)))
      throw new DeadlineAlreadySettledError(deadlineId);
    await this.alerts.resolveWithin(manager, [deadlineId], now, status === 'fired' ? ['deadlineFailed'] : undefined);
  }
}
