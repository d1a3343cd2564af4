import type { AnyStateMachine, EventObject, MachineContext, StateNodeDefinition } from 'xstate';

/** A state of the machine, named by its dotted path from the root ("startupMeeting.held"). */
export interface GraphState {
  id: string;
  key: string;
  parent: string | null;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  /** For a compound state: the child it starts in. */
  initial: string | null;
}

export interface GraphTransition {
  id: string;
  source: string;
  /** Equal to `source` for a transition that stays where it is (an action only, like LOG_VISIT). */
  target: string;
  event: string;
  guard: string | null;
}

/** The machine as states and transitions: what the inspector and the docs draw. */
export interface MachineGraph {
  machineId: string;
  /** The top-level state a new case starts in. */
  initial: string;
  states: GraphState[];
  transitions: GraphTransition[];
}

type Definition = StateNodeDefinition<MachineContext, EventObject>;

/** A target in the definition is a state node, or its `#id` once the definition went through JSON. */
function nodeId(ref: unknown): string {
  return typeof ref === 'string' ? ref.replace(/^#/, '') : (ref as { id: string }).id;
}

function guardName(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'guard';
  if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') return guard.type;
  return 'guard';
}

/** Read from the machine's own definition (`machine.toJSON()`), so the drawing follows every change. */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const root = machine.toJSON() as Definition;
  const prefix = `${root.id}.`;
  const pathOf = (ref: unknown) => nodeId(ref).slice(prefix.length);
  const states: GraphState[] = [];
  const transitions: GraphTransition[] = [];

  const visit = (node: Definition, parent: string | null) => {
    const id = pathOf(node.id);
    const initialTarget = node.initial?.target?.[0];
    states.push({
      id,
      key: node.key,
      parent,
      type: node.type,
      initial: node.type === 'compound' && initialTarget ? pathOf(initialTarget) : null,
    });
    for (const t of node.transitions) {
      const target = t.target?.[0];
      transitions.push({
        id: `${id}:${t.eventType}:${transitions.length}`,
        source: id,
        target: target === undefined ? id : pathOf(target),
        event: t.eventType,
        guard: guardName(t.guard),
      });
    }
    for (const child of Object.values(node.states)) visit(child, id);
  };
  for (const child of Object.values(root.states)) visit(child, null);

  const initial = root.initial?.target?.[0];
  return { machineId: root.id, initial: initial ? pathOf(initial) : states[0].id, states, transitions };
}
