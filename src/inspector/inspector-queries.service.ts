import { Injectable, Logger } from '@nestjs/common';
import { allowedClientEvents, restore } from '../../machines/case-decisions.js';
import { machineFor } from '../../machines/registry.js';
import type { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import type { CaseRecord } from '../cases/case-record.entity.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { NotFoundError } from '../common/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { DeadlinesRepository } from '../deadlines/deadlines.repository.js';
import { ReplayMismatchError, replayHistory, statePath } from './case-replay.js';

export interface StateCount {
  /** Dotted state path, as in the machine graph. */
  state: string;
  count: number;
}

/** One step of a case's path: ids, states, event types and times only, never a payload. */
export interface PathStep {
  version: number;
  eventType: string;
  from: string | null;
  to: string;
  at: string;
  /** The client events the case could take right after this step. */
  allowedEvents: string[];
}

export interface CaseFlow {
  id: string;
  state: string;
  version: number;
  machineVersion: string;
  path: PathStep[];
  /** False when the history could not be replayed: the path then names top-level states only. */
  pathHasSubStates: boolean;
  pendingDeadlines: { kind: string; dueAt: string; event: string | null }[];
  allowedEvents: string[];
}

const joinState = (state: string, subState: string | null) => (subState ? `${state}.${subState}` : state);

/** What the inspector page reads: counts per state and one case's flow, with no personal data. */
@Injectable()
export class InspectorQueries {
  private readonly logger = new Logger(InspectorQueries.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly cases: CasesRepository,
    private readonly deadlines: DeadlinesRepository,
  ) {}

  async counts(): Promise<StateCount[]> {
    const rows = await this.transactions.run((manager) => this.cases.countsByState(manager));
    return rows.map((row) => ({ state: joinState(row.state, row.subState), count: row.count }));
  }

  async caseFlow(caseId: string): Promise<CaseFlow> {
    const { record, entries, deadlines } = await this.transactions.run(async (manager) => {
      const record = await this.cases.load(manager, caseId);
      if (!record) throw new NotFoundError('case');
      const entries = await this.cases.history(manager, caseId);
      const deadlines = await this.deadlines.pendingOfCase(manager, caseId);
      return { record, entries, deadlines };
    });
    const machine = machineFor(record.machineVersion);
    const current = restore(machine, record.snapshot);
    const replayed = this.tryReplay(record, entries);
    const path = entries.map((entry, i): PathStep => {
      const snapshot = replayed?.[i];
      const previous = replayed?.[i - 1];
      return {
        version: entry.version,
        eventType: entry.type,
        from: previous ? statePath(previous.value) : entry.fromState,
        to: snapshot ? statePath(snapshot.value) : entry.toState,
        at: entry.at.toISOString(),
        allowedEvents: snapshot ? allowedClientEvents(snapshot) : [],
      };
    });
    return {
      id: record.id,
      state: statePath(current.value),
      version: record.version,
      machineVersion: record.machineVersion,
      path,
      pathHasSubStates: replayed !== null,
      pendingDeadlines: deadlines.map((d) => ({ kind: d.kind, dueAt: d.dueAt.toISOString(), event: d.event })),
      allowedEvents: allowedClientEvents(current),
    };
  }

  /** The path's sub-states come from a replay; a case the replay cannot follow still shows its top-level path. */
  private tryReplay(record: CaseRecord, entries: CaseHistoryEntry[]) {
    try {
      return replayHistory(machineFor(record.machineVersion), entries);
    } catch (error) {
      // The message names states only; an event's payload never reaches the log.
      const why = error instanceof ReplayMismatchError ? error.message : 'the machine refused a recorded event';
      this.logger.warn(`case ${record.id}: history replay failed (${why}); showing top-level states`);
      return null;
    }
  }
}
