import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import {
  Subject,
  concatMap,
  defer,
  exhaustMap,
  filter,
  ignoreElements,
  merge,
  mergeMap,
  share,
  takeUntil,
  timer,
  type Observable,
  type Subscription,
} from 'rxjs';
import { createActor } from 'xstate';
import type { Judgment } from '../../machines/case-context.js';
import { machineFor } from '../../machines/registry.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { CaseTransitions, type CaseTransition } from '../cases/case-transitions.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { eventOf, replayHistory } from './case-replay.js';
import { reduceInspectionEvent, type InspectionMessage } from './inspection-message.js';
import { StatelyBridge } from './stately-bridge.js';

/** How often, while someone watches, the history is read for changes other processes committed. */
const POLL_MS = 500;
/** Entries read again behind the last one seen: on PostgreSQL a lower id can commit after a higher one. */
const LOOK_BACK = 200;
const POLL_BATCH = 1000;
/** Transitions remembered as inspected, so one seen both here and in the history is inspected once. */
const SEEN_LIMIT = 10_000;

/**
 * The live feed of the inspector: every committed transition is run again through a short-lived
 * XState actor with inspection hooked up (`@statelyai/inspect`'s `createInspector` with our own
 * adapter), and the inspection events it emits, reduced to ids, states, event types and times,
 * are what the page's stream carries. Commands themselves use the pure `transition()`, which
 * emits no inspection events; doing the inspection after the commit keeps it out of the
 * transaction and off the request's time.
 *
 * Transitions come from this process's CaseTransitions at once, and from the history table for
 * those committed by other processes (a worker firing deadlines, another API process).
 * The work happens only while someone watches (an open page, or Stately's inspector).
 */
@Injectable()
export class InspectionFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(InspectionFeed.name);
  private readonly inspected = new Subject<InspectionMessage>();
  private readonly closing = new Subject<void>();
  private bridge: StatelyBridge | null = null;
  private bridgeSubscription: Subscription | null = null;
  private readonly seen = new Set<string>();
  /** The highest history id read; null until the first look of a watch. */
  private lastEntryId: number | null = null;

  /** Shared by every watcher; completes when the application shuts down, which ends open streams. */
  readonly messages: Observable<InspectionMessage>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transitions: CaseTransitions,
    private readonly transactions: TransactionRunner,
    private readonly cases: CasesRepository,
  ) {
    const committedElsewhere = defer(() => {
      this.lastEntryId = null;
      return timer(0, POLL_MS).pipe(
        exhaustMap(() => this.committedSinceLastPoll()),
        mergeMap((transitions) => transitions),
      );
    });
    const work = merge(this.transitions.stream, committedElsewhere).pipe(
      filter((transition) => this.firstSighting(transition)),
      concatMap((transition) => this.inspect(transition)),
      ignoreElements(),
    );
    this.messages = merge(this.inspected, work).pipe(takeUntil(this.closing), share());
  }

  onModuleInit(): void {
    if (!this.config.inspector.stately) return;
    this.bridge = new StatelyBridge(this.config.inspector.statelyPort);
    this.bridgeSubscription = this.messages.subscribe();
    this.logger.log(
      `sending inspection events to Stately's inspector: open http://localhost:${this.bridge.port} (needs internet)`,
    );
  }

  onModuleDestroy(): void {
    this.closing.next();
    this.bridgeSubscription?.unsubscribe();
    this.bridge?.stop();
  }

  private firstSighting(transition: CaseTransition): boolean {
    const key = `${transition.caseId}:${transition.version}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }

  /**
   * History entries committed since the last look. The first look of a watch reads only the
   * latest entries, to know where the history ends and what within reach is old news.
   */
  private async committedSinceLastPoll(): Promise<CaseTransition[]> {
    try {
      const since = this.lastEntryId;
      const entries = await this.transactions.run((manager) =>
        since === null
          ? this.cases.historySince(manager, null, LOOK_BACK)
          : this.cases.historySince(manager, since - LOOK_BACK, POLL_BATCH),
      );
      this.lastEntryId = Math.max(since ?? 0, ...entries.map((e) => e.id));
      const transitions = entries.map((e) => ({
        caseId: e.caseId,
        eventType: e.type,
        fromState: e.fromState,
        toState: e.toState,
        subState: null,
        version: e.version,
        at: e.at.toISOString(),
      }));
      if (since !== null) return transitions;
      for (const old of transitions) this.firstSighting(old);
      return [];
    } catch (error) {
      this.logger.warn(`reading the case history for the inspector failed (${(error as Error).constructor.name})`);
      return [];
    }
  }

  private async inspect(transition: CaseTransition): Promise<void> {
    try {
      await this.runInspected(transition);
    } catch (error) {
      // The page must still move: say what committed, without the inspection's detail.
      this.logger.warn(`case ${transition.caseId}: inspection replay failed (${(error as Error).constructor.name})`);
      this.inspected.next({
        caseId: transition.caseId,
        version: transition.version,
        inspection: '@xstate.snapshot',
        eventType: transition.eventType,
        state: transition.subState ? `${transition.toState}.${transition.subState}` : transition.toState,
        at: transition.at,
      });
    }
  }

  /** Restores the case as it was before the transition and sends it the recorded event, inspected. */
  private async runInspected(transition: CaseTransition): Promise<void> {
    const { machineVersion, entries } = await this.transactions.run(async (manager) => {
      const record = await this.cases.load(manager, transition.caseId);
      const entries = await this.cases.history(manager, transition.caseId);
      return {
        machineVersion: record?.machineVersion,
        entries: entries.filter((e) => e.version <= transition.version),
      };
    });
    const last = entries.at(-1);
    if (machineVersion === undefined || last?.version !== transition.version) throw new Error('history not found');
    const machine = machineFor(machineVersion);
    const before = replayHistory(machine, entries.slice(0, -1)).at(-1);

    const inspector = createInspector(
      {
        send: (event: StatelyInspectionEvent) => {
          this.inspected.next(reduceInspectionEvent(transition, event));
          this.bridge?.send(transition.caseId, event);
        },
      },
      {
        // What leaves this process (to the page or to Stately) never holds the context or an event's payload.
        sanitizeContext: () => ({}),
        sanitizeEvent: (event) => ({ type: event.type }),
        filter: (event) => !(event.type === '@xstate.snapshot' && event.snapshot.status === 'stopped'),
      },
    );
    const input = before
      ? { judgment: before.context.judgment, registeredAt: before.context.registeredAt }
      : { judgment: last.payload as Judgment, registeredAt: last.at.toISOString() };
    // Restored from the snapshot before the transition, or started from the judgment for a registration.
    const actor = createActor(machine, {
      input,
      id: transition.caseId,
      inspect: inspector.inspect,
      ...(before ? { snapshot: before } : {}),
    });
    let failure: Error | undefined;
    actor.subscribe({ error: (error) => (failure = error instanceof Error ? error : new Error(String(error))) });
    actor.start();
    if (before) actor.send(eventOf(last));
    actor.stop();
    if (failure) throw failure;
  }
}
