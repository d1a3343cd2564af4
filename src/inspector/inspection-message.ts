import type { StatelyInspectionEvent } from '@statelyai/inspect';
import type { StateValue } from 'xstate';
import { statePath } from './case-replay.js';

/**
 * One XState inspection event as the inspector's stream carries it: a case id, a state, an event
 * type and a time. Built field by field, so nothing else (a payload, the context) can slip through.
 */
export interface InspectionMessage {
  caseId: string;
  /** The case version the inspected transition produced. */
  version: number;
  inspection: StatelyInspectionEvent['type'];
  eventType: string | null;
  state: string | null;
  at: string;
}

export interface InspectedTransition {
  caseId: string;
  version: number;
  at: string;
}

function stateOf(snapshot: { value?: unknown } | undefined): string | null {
  const value = snapshot?.value;
  return typeof value === 'string' || (typeof value === 'object' && value !== null)
    ? statePath(value as StateValue)
    : null;
}

export function reduceInspectionEvent(
  transition: InspectedTransition,
  event: StatelyInspectionEvent,
): InspectionMessage {
  const base = { caseId: transition.caseId, version: transition.version, inspection: event.type, at: transition.at };
  switch (event.type) {
    case '@xstate.actor':
      return { ...base, eventType: null, state: stateOf(event.snapshot) };
    case '@xstate.event':
      return { ...base, eventType: String(event.event.type), state: null };
    case '@xstate.snapshot':
      return { ...base, eventType: String(event.event.type), state: stateOf(event.snapshot as { value?: unknown }) };
  }
}
