import type { EntityManager } from 'typeorm';
import type { ClientEventType } from '../../machines/case-events.js';
import { allowedClientEvents, type CaseSnapshot } from '../../machines/case-decisions.js';
import type { Alert } from '../alerts/alert.entity.js';
import { AlertsRepository } from '../alerts/alerts.repository.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import { DeadlinesRepository } from '../deadlines/deadlines.repository.js';
import type { DryRunProbe } from '../cases/dry-run-probe.js';
import type { CaseRecord } from '../cases/case-record.entity.js';

/** What a case held before a dry-run event was applied: compared with what it holds after, before the rollback. */
export interface DryRunBaseline {
  fromState: string;
  fromSubState: string | null;
  pending: Deadline[];
  unresolved: Alert[];
}

interface DeadlineMoment {
  kind: string;
  dueAt: string;
}

/** What an event would do to a case; nothing of it was kept. */
export interface DryRunAnswer {
  dryRun: true;
  accepted: true;
  eventType: string;
  fromState: string;
  fromSubState: string | null;
  state: string;
  subState: string | null;
  deadlines: {
    added: DeadlineMoment[];
    moved: (DeadlineMoment & { fromDueAt: string })[];
    cancelled: DeadlineMoment[];
  };
  alerts: { resolved: { id: string; kind: string }[]; raised: { kind: string }[] };
  /** The client events the case could take next, from the state it would be in. */
  allowedEvents: ClientEventType[];
}

/** The repositories hold no state of their own here: the probe, a constant, reads through one of each. */
const alerts = new AlertsRepository();
const deadlines = new DeadlinesRepository();

export async function dryRunBaseline(manager: EntityManager, record: CaseRecord): Promise<DryRunBaseline> {
  return {
    fromState: record.state,
    fromSubState: record.subState,
    pending: await deadlines.pendingOfCase(manager, record.id),
    unresolved: await alerts.unresolvedOfCase(manager, record.id),
  };
}

const moment = (row: Deadline): DeadlineMoment => ({ kind: row.kind, dueAt: row.dueAt.toISOString() });

/**
 * Compares the case's pending deadlines and open alerts with the baseline, inside the transaction
 * that is about to be rolled back. A kind that lost one due time and gained another moved.
 */
export async function dryRunAnswer(
  manager: EntityManager,
  baseline: DryRunBaseline,
  eventType: string,
  next: CaseRecord,
  snapshot: CaseSnapshot,
): Promise<DryRunAnswer> {
  const pending = await deadlines.pendingOfCase(manager, next.id);
  const unresolved = await alerts.unresolvedOfCase(manager, next.id);
  const gone = baseline.pending.filter((row) => !pending.some((now) => now.id === row.id));
  const fresh = pending.filter((row) => !baseline.pending.some((before) => before.id === row.id));
  const moved = fresh
    .map((row) => ({ row, from: gone.find((old) => old.kind === row.kind) }))
    .filter(
      (pair): pair is { row: Deadline; from: Deadline } =>
        pair.from !== undefined && pair.from.kind !== 'visitReportMissing',
    );
  const movedIds = new Set(moved.flatMap(({ row, from }) => [row.id, from.id]));
  return {
    dryRun: true,
    accepted: true,
    eventType,
    fromState: baseline.fromState,
    fromSubState: baseline.fromSubState,
    state: next.state,
    subState: next.subState,
    deadlines: {
      added: fresh.filter((row) => !movedIds.has(row.id)).map(moment),
      moved: moved.map(({ row, from }) => ({ ...moment(row), fromDueAt: from.dueAt.toISOString() })),
      cancelled: gone.filter((row) => !movedIds.has(row.id)).map(moment),
    },
    alerts: {
      resolved: baseline.unresolved
        .filter((alert) => !unresolved.some((still) => still.id === alert.id))
        .map(({ id, kind }) => ({ id, kind })),
      raised: unresolved
        .filter((alert) => !baseline.unresolved.some((before) => before.id === alert.id))
        .map(({ kind }) => ({ kind })),
    },
    // allowedClientEvents picks from the client events only; its declared type is the wider one.
    allowedEvents: allowedClientEvents(snapshot) as ClientEventType[],
  };
}

/** The dry run of a client event: its deadlines and alerts before and after, and where the case would stand. */
export const CASE_DRY_RUN: DryRunProbe<DryRunBaseline, DryRunAnswer> = {
  before: dryRunBaseline,
  after: (manager, baseline, change) =>
    dryRunAnswer(manager, baseline, change.event.type, change.record, change.snapshot),
};
