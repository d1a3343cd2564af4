import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReminderKind } from '../../machines/deadline-rules.js';
import type { DeadlineEventType } from '../../machines/case-events.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { CaseCommands } from '../cases/case-commands.service.js';
import { SYSTEM_ACTOR } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, EventNotAllowedError, NotFoundError } from '../common/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Deadline } from './deadline.entity.js';
import { DeadlineAlreadySettledError, DeadlinesService } from './deadlines.service.js';

export type DeadlineOutcome =
  /** Acted on, `lagMs` after it fell due by the service's clock. */
  | { outcome: 'fired'; lagMs: number }
  | { outcome: 'cancelled' | 'skipped' }
  /** Delivered before its time by the service's clock: to be delivered again then. */
  | { outcome: 'notYetDue'; inMs: number };

/** The case refuses the deadline's event for good: it has moved on, so the deadline is moot. */
function refusedForGood(error: unknown): boolean {
  return error instanceof EventNotAllowedError || error instanceof BusinessRuleError || error instanceof NotFoundError;
}

/**
 * What a due deadline does. Whatever delivers it (a job, its retry, a duplicate, a second worker),
 * it acts only while its row is pending, and marks the row in the same transaction as the act.
 */
@Injectable()
export class DeadlineActions {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly commands: CaseCommands,
    private readonly deadlines: DeadlinesService,
    private readonly alerts: AlertsService,
  ) {}

  async act(deadlineId: string): Promise<DeadlineOutcome> {
    try {
      // A reminder acts in the transaction that finds it pending; an event goes through the command path.
      const due = await this.transactions.run<Deadline | DeadlineOutcome>(async (manager) => {
        const row = await manager.findOneBy(Deadline, { id: deadlineId });
        if (!row || row.status !== 'pending') return { outcome: 'skipped' };
        const now = this.clock.now();
        if (row.dueAt > now) return { outcome: 'notYetDue', inMs: row.dueAt.getTime() - now.getTime() };
        if (row.event) return row;
        await this.remindWithin(manager, row, now);
        return { outcome: 'fired', lagMs: now.getTime() - row.dueAt.getTime() };
      });
      if (!(due instanceof Deadline)) return due;
      await this.sendEvent(due, due.event!);
      return { outcome: 'fired', lagMs: this.clock.now().getTime() - due.dueAt.getTime() };
    } catch (error) {
      if (error instanceof DeadlineAlreadySettledError) return { outcome: 'skipped' };
      if (!refusedForGood(error)) throw error;
      return this.cancel(deadlineId);
    }
  }

  /** A deadline given up on after every attempt: an alert says so until it fires or becomes moot. */
  async reportGivenUp(deadlineId: string, reason: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const row = await manager.findOneBy(Deadline, { id: deadlineId });
      if (!row || row.status !== 'pending') return;
      const detail = `${row.kind} due ${row.dueAt.toISOString()} failed: ${reason}`.slice(0, 1000);
      await this.alerts.raiseWithin(manager, { caseId: row.caseId, kind: 'deadlineFailed', deadlineId, detail }, this.clock.now());
    });
  }

  /**
   * Through the same command path as a secretary's request, the row marked fired in its
   * transaction (what else the event does is the features' effects, see DeadlineEffects).
   */
  private async sendEvent(row: Deadline, type: DeadlineEventType): Promise<void> {
    await this.commands.apply(row.caseId, { type }, SYSTEM_ACTOR, {
      alsoWithin: (manager) => this.deadlines.settleWithin(manager, row.id, 'fired', this.clock.now()),
    });
  }

  private async remindWithin(manager: EntityManager, row: Deadline, now: Date): Promise<void> {
    await this.deadlines.settleWithin(manager, row.id, 'fired', now);
    await this.alerts.raiseWithin(manager, { caseId: row.caseId, kind: row.kind as ReminderKind, deadlineId: row.id }, now);
  }

  private async cancel(deadlineId: string): Promise<DeadlineOutcome> {
    try {
      await this.transactions.run((manager) => this.deadlines.settleWithin(manager, deadlineId, 'cancelled', this.clock.now()));
      return { outcome: 'cancelled' };
    } catch (error) {
      if (error instanceof DeadlineAlreadySettledError) return { outcome: 'skipped' };
      throw error;
    }
  }
}
