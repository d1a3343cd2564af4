import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WantedDeadline } from '../../machines/deadline-rules.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { TableStatements, type SelectShape, type UpdateShape } from '../database/table-statements.js';
import { Deadline } from './deadline.entity.js';

const DEADLINES_OF_CASE: SelectShape<Deadline> = {
  where: ['caseId'],
  orderBy: [
    ['dueAt', 'ASC'],
    ['createdAt', 'ASC'],
  ],
};
const CANCEL_PENDING: UpdateShape<Deadline> = { set: ['status', 'settledAt'], where: [{ in: 'id' }, 'status'] };

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
  constructor(private readonly alerts: AlertsService) {}

  /**
   * Inside a case's transaction: makes its stored deadlines match what the rules want now.
   * A pending deadline no longer wanted is cancelled; a wanted one not yet stored (pending or
   * already fired) is added. The alerts of deadlines no longer wanted resolve: what they waited
   * for has happened. Returns the added ones, to be handed to the queue after commit, and all the
   * case's deadlines as they now stand (in `listForCase`'s order), so nobody reads them again.
   */
  async alignWithin(
    manager: EntityManager,
    caseId: string,
    wanted: WantedDeadline[],
    now: Date,
  ): Promise<{ added: Deadline[]; rows: Deadline[] }> {
    const stored = await this.listForCase(manager, caseId);
    const existing = stored.filter((row) => row.status === 'pending' || row.status === 'fired');
    const gone = existing.filter((row) => !wanted.some((w) => sameDeadline(row, w)));
    const moot = gone.filter((row) => row.status === 'pending');
    if (moot.length > 0) {
      await TableStatements.of(manager.connection, Deadline).update(
        manager,
        CANCEL_PENDING,
        ['cancelled', now],
        [moot.map((row) => row.id), 'pending'],
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
    await TableStatements.of(manager.connection, Deadline).insert(manager, added);
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
    const { affected } = await manager.update(
      Deadline,
      { id: deadlineId, status: 'pending' },
      { status, settledAt: now },
    );
    if (affected !== 1) throw new DeadlineAlreadySettledError(deadlineId);
    await this.alerts.resolveWithin(manager, [deadlineId], now, status === 'fired' ? ['deadlineFailed'] : undefined);
  }

  /** The case's deadlines of every status, soonest first. */
  listForCase(manager: EntityManager, caseId: string): Promise<Deadline[]> {
    return TableStatements.of(manager.connection, Deadline).select(manager, DEADLINES_OF_CASE, [caseId]);
  }

  /** Every pending deadline, soonest first: what the queue must hold. */
  listPending(manager: EntityManager): Promise<Pick<Deadline, 'id' | 'dueAt'>[]> {
    return manager.find(Deadline, {
      select: { id: true, dueAt: true },
      where: { status: 'pending' },
      order: { dueAt: 'ASC' },
    });
  }
}
