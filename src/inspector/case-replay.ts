import { transition, type StateValue } from 'xstate';
import type { Judgment } from '../../machines/case-context.js';
import { startCase, topState, type CaseSnapshot } from '../../machines/case-decisions.js';
import type { CaseEvent } from '../../machines/case-events.js';
import type { CaseMachine } from '../../machines/case-machine.js';
import type { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';

/** A state value as one dotted path ("startupMeeting.held"), the way the inspector names states. */
export function statePath(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, inner] = Object.entries(value)[0];
  return inner === undefined ? key : `${key}.${statePath(inner)}`;
}

/** The history entry as the event the machine was sent: type, payload and the instant it was stamped with. */
export function eventOf(entry: Pick<CaseHistoryEntry, 'type' | 'payload' | 'at'>): CaseEvent {
  return { ...entry.payload, type: entry.type, at: entry.at.toISOString() } as CaseEvent;
}

/** The registration entry carries the judgment as its payload; the case starts from it. */
export function startFrom(machine: CaseMachine, registration: Pick<CaseHistoryEntry, 'payload' | 'at'>): CaseSnapshot {
  return startCase(machine, {
    judgment: registration.payload as Judgment,
    registeredAt: registration.at.toISOString(),
  });
}

export class ReplayMismatchError extends Error {}

/**
 * The case's snapshot after each history entry, rebuilt by sending the recorded events to the
 * machine again (the store keeps only the latest snapshot). The history carries every event's
 * payload and instant and the machine reads no clock, so the replay lands where the case did;
 * if it does not (a history written by another machine version), it says so instead of guessing.
 */
export function replayHistory(machine: CaseMachine, entries: CaseHistoryEntry[]): CaseSnapshot[] {
  const snapshots: CaseSnapshot[] = [];
  for (const entry of entries) {
    const previous = snapshots.at(-1);
    const next = previous === undefined ? startFrom(machine, entry) : transition(machine, previous, eventOf(entry))[0];
    if (topState(next.value) !== entry.toState) {
      throw new ReplayMismatchError(
        `replaying version ${entry.version} gave ${topState(next.value)}, the history says ${entry.toState}`,
      );
    }
    snapshots.push(next);
  }
  return snapshots;
}
