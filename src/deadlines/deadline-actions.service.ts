import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReminderKind } from '../../machines/deadline-rules.js';
import type { DeadlineEventType } from '../../machines/case-events.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { CaseCommands } from '../cases/case-commands.service.js';
import { SYSTEM_ACTOR } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, EventNotAllowedError, NotFoundError } from '../common/domain-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { Deadline } from './deadline.entity.js';
import { DeadlinesRepository } from './deadlines.repository.js';
import { DeadlineAlreadySettledError, DeadlinesService } from './deadlines.service.js';
import { swedishMoment } from '../common/swedish-format.js';
import { deadlineWords } from './deadline-words.js';

/** A deadline acted on, `lagMs` after it fell due by the service's clock. */
export interface ActedDeadline {
  deadlineId: string;
  lagMs: number;
}

export type DeadlineOutcome =
  /** Acted on; `alongside`: other due reminders acted on in the same transaction (their own deliveries find them fired). */
  | { outcome: 'fired'; lagMs: number; alongside: ActedDeadline[] }
  | { outcome: 'cancelled' | 'skipped' }
  /** Delivered before its time by the service's clock: to be delivered again then. */
  | { outcome: 'notYetDue'; inMs: number };

/** The case refuses the deadline's event for good: it has moved on, so the deadline is moot. */
function refusedForGood(error: unknown): boolean {
  return error instanceof EventNotAllowedError || error instanceof BusinessRuleError || error instanceof NotFoundError;
}

/** Deadlines a batch of this process acted on are remembered up to this many, oldest forgotten first (their deliveries may go to another process). */
const REMEMBERED_CLAIMS = 50_000;

/** The other reminders one transaction claims: settled true once it committed, false if it rolled back. */
class Claim {
  private settleWith?: (committed: boolean) => void;
  readonly committed = new Promise<boolean>((settle) => (this.settleWith = settle));

  settle(committed: boolean): void {
    this.settleWith!(committed);
  }
}

/**
 * What a due deadline does. Whatever delivers it (a job, its retry, a duplicate, a second worker),
 * it acts only while its row is pending, and marks the row in the same transaction as the act.
 *
 * A reminder acts together with other due pending reminders claimed in the same transaction (up
 * to DEADLINE_BATCH): when thousands fall due at once, the first deliveries act on them in a few
 * transactions, and the later deliveries find their rows fired and finish without a write (in
 * this process without a query: it remembers what its batches claimed).
 */
@Injectable()
export class DeadlineActions {
  private readonly claimedHere = new Map<string, Promise<boolean>>();
  private readonly batch: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly commands: CaseCommands,
    private readonly deadlines: DeadlinesService,
    private readonly rows: DeadlinesRepository,
    private readonly alerts: AlertsService,
  ) {
    this.batch = config.deadlines.batch;
  }

  async act(deadlineId: string): Promise<DeadlineOutcome> {
    if (await this.claimedByThisProcess(deadlineId)) return { outcome: 'skipped' };
    const claim = new Claim();
    try {
      // A reminder acts in the transaction that finds it pending; an event goes through the command path.
      const due = await this.transactions.run<Deadline | DeadlineOutcome>(async (manager) => {
        const row = await this.rows.find(manager, deadlineId);
        if (!row || row.status !== 'pending') return { outcome: 'skipped' };
        const now = this.clock.now();
        if (row.dueAt > now) return { outcome: 'notYetDue', inMs: row.dueAt.getTime() - now.getTime() };
        if (row.event) return row;
        return this.remindWithin(manager, row, now, claim);
      });
      claim.settle(true);
      if (!(due instanceof Deadline)) return due;
      await this.sendEvent(due, due.event!);
      return { outcome: 'fired', lagMs: this.clock.now().getTime() - due.dueAt.getTime(), alongside: [] };
    } catch (error) {
      claim.settle(false);
      if (error instanceof DeadlineAlreadySettledError) return { outcome: 'skipped' };
      if (!refusedForGood(error)) throw error;
      return this.cancel(deadlineId);
    }
  }

  /** A deadline given up on after every attempt: an alert says so until it fires or becomes moot. */
  async reportGivenUp(deadlineId: string, reason: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const row = await this.rows.find(manager, deadlineId);
      if (!row || row.status !== 'pending') return;
      const detail =
        `Tidsfristen för ${deadlineWords(row.kind)}, som löpte ut ${swedishMoment(row.dueAt.toISOString())}, kunde inte hanteras: ${reason}`.slice(
          0,
          1000,
        );
      await this.alerts.raiseWithin(
        manager,
        [{ caseId: row.caseId, kind: 'deadlineFailed', deadlineId, detail }],
        this.clock.now(),
      );
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

  /**
   * The reminder delivered, and the other due pending reminders claimed with it, marked fired
   * with their alerts raised.
   */
  private async remindWithin(manager: EntityManager, row: Deadline, now: Date, claim: Claim): Promise<DeadlineOutcome> {
    await this.deadlines.settleWithin(manager, row.id, 'fired', now);
    // The delivered row was claimed first (waiting for whoever held it); the others only if no one holds them.
    const others = this.batch > 1 ? await this.rows.claimDueReminders(manager, row.id, now, this.batch - 1) : [];
    this.remember(claim, others);
    await this.alerts.resolveWithin(
      manager,
      others.map((other) => other.id),
      now,
      ['deadlineFailed'],
    );
    const reminders = [row, ...others].map((due) => ({
      caseId: due.caseId,
      kind: due.kind as ReminderKind,
      deadlineId: due.id,
    }));
    await this.alerts.raiseWithin(manager, reminders, now);
    const lagOf = (due: Deadline) => now.getTime() - due.dueAt.getTime();
    return {
      outcome: 'fired',
      lagMs: lagOf(row),
      alongside: others.map((other) => ({ deadlineId: other.id, lagMs: lagOf(other) })),
    };
  }

  /** Deliveries of the claimed rows in this process wait for the claim's transaction instead of asking the database. */
  private remember(claim: Claim, claimed: Deadline[]): void {
    for (const row of claimed) this.claimedHere.set(row.id, claim.committed);
    void claim.committed.then((committed) => {
      // A later claim of the same row (after this one rolled back) keeps its entry.
      if (committed) return;
      for (const row of claimed) if (this.claimedHere.get(row.id) === claim.committed) this.claimedHere.delete(row.id);
    });
    for (const id of this.claimedHere.keys()) {
      if (this.claimedHere.size <= REMEMBERED_CLAIMS) break;
      this.claimedHere.delete(id);
    }
  }

  /** True when a batch of this process acted on the deadline (its transaction committed). */
  private async claimedByThisProcess(deadlineId: string): Promise<boolean> {
    const committed = this.claimedHere.get(deadlineId);
    if (!committed || !(await committed)) return false;
    this.claimedHere.delete(deadlineId);
    return true;
  }

  private async cancel(deadlineId: string): Promise<DeadlineOutcome> {
    try {
      await this.transactions.run((manager) =>
        this.deadlines.settleWithin(manager, deadlineId, 'cancelled', this.clock.now()),
      );
      return { outcome: 'cancelled' };
    } catch (error) {
      if (error instanceof DeadlineAlreadySettledError) return { outcome: 'skipped' };
      throw error;
    }
  }
}
