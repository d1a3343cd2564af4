import { createActor, getNextTransitions, type SnapshotFrom, type StateValue } from 'xstate';
import type { CaseContext, CaseInput } from './case-context.js';
import { CLIENT_EVENT_TYPES, type CaseEvent, type CaseEventType } from './case-events.js';
import type { CaseMachine } from './case-machine.js';
import { GUARD_RULES, type GuardName } from './guard-rules.js';

export type CaseSnapshot = SnapshotFrom<CaseMachine>;

/** What is stored of a case's machine: enough to rebuild its snapshot, nothing the machine derives. */
export interface PersistedCase {
  value: StateValue;
  context: CaseContext;
}

export type Decision =
  | { outcome: 'accepted'; snapshot: CaseSnapshot }
  | { outcome: 'notAllowedInState'; state: string; allowedEvents: CaseEventType[] }
  | { outcome: 'ruleBroken'; state: string; rules: string[] };

/** What XState runs a case machine's pure transitions in. */
type CaseScope = Parameters<CaseMachine['transition']>[2];

const inertScopes = new WeakMap<CaseMachine, CaseScope>();

/**
 * The scope a pure transition runs in. XState's `transition` and `initialTransition` build a new
 * actor for it on every call, and building one runs the machine's context factory without input,
 * which throws and is caught: that was most of a decision's cost. The case machines spawn, invoke
 * and schedule nothing, so one scope per machine serves every call. As with `transition`, the
 * actions it collects are not run: assignments to the context are resolved into the snapshot.
 */
function inertScope(machine: CaseMachine): CaseScope {
  let scope = inertScopes.get(machine);
  if (!scope) {
    // Never started: it stands for the actor a transition belongs to, as XState's own inert scope does.
    const self = createActor(machine, { input: undefined });
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      actionExecutor: () => {},
    };
    inertScopes.set(machine, scope);
  }
  return scope;
}

export function startCase(machine: CaseMachine, input: CaseInput): CaseSnapshot {
  return machine.getInitialSnapshot(inertScope(machine), input);
}

export function restore(machine: CaseMachine, persisted: PersistedCase): CaseSnapshot {
  return machine.resolveState(persisted);
}

export function persist(snapshot: CaseSnapshot): PersistedCase {
  return { value: snapshot.value, context: snapshot.context };
}

/** The top-level state: what a secretary calls "where the case is". */
export function topState(value: StateValue): string {
  return typeof value === 'string' ? value : Object.keys(value)[0];
}

/** The sub-state within the top-level one, where it has any. */
export function subState(value: StateValue): string | null {
  if (typeof value === 'string') return null;
  const inner = Object.values(value)[0];
  return inner === undefined ? null : topState(inner);
}

function candidateTransitions(snapshot: CaseSnapshot, type: string) {
  return getNextTransitions(snapshot).filter((t) => t.eventType === type);
}

/**
 * The client event types the case accepts now. The machine's guards read only the context, never
 * an event's fields, so asking with the bare type is a true answer.
 */
export function allowedClientEvents(snapshot: CaseSnapshot): CaseEventType[] {
  return CLIENT_EVENT_TYPES.filter(
    (type) => candidateTransitions(snapshot, type).length > 0 && snapshot.can({ type } as CaseEvent),
  );
}

/** Asks the machine whether `event` may happen now and, if so, what the case becomes. */
export function decide(machine: CaseMachine, snapshot: CaseSnapshot, event: CaseEvent): Decision {
  const state = topState(snapshot.value);
  const candidates = candidateTransitions(snapshot, event.type);
  if (candidates.length === 0) {
    return { outcome: 'notAllowedInState', state, allowedEvents: allowedClientEvents(snapshot) };
  }
  if (!snapshot.can(event)) {
    const rules = candidates
      .map((t) => (typeof t.guard === 'string' ? GUARD_RULES[t.guard as GuardName] : undefined))
      .filter((rule): rule is (typeof GUARD_RULES)[GuardName] => rule !== undefined);
    return { outcome: 'ruleBroken', state, rules };
  }
  return { outcome: 'accepted', snapshot: machine.transition(snapshot, event, inertScope(machine)) };
}
