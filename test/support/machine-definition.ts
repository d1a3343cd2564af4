import { createHash } from 'node:crypto';
import type { AnyStateMachine } from 'xstate';

/**
 * XState's own code that every `assign` action carries: it is XState's, not the version's, and
 * stays the same because `xstate` is pinned to an exact version in package.json.
 */
const XSTATE_OWN = new Set(['resolve', 'execute']);

/**
 * A definition as plain data: objects with their keys sorted, so the same definition always gives
 * the same text, and every function as its source (whitespace collapsed) with what it carries (an
 * `assign` action carries the assignment that is its body).
 */
function canonical(value: unknown): unknown {
  if (typeof value === 'function') {
    const carried = Object.keys(value)
      .filter((key) => !XSTATE_OWN.has(key))
      .sort()
      .map((key) => [key, canonical((value as unknown as Record<string, unknown>)[key])]);
    return { source: value.toString().replace(/\s+/g, ' '), ...Object.fromEntries(carried) };
  }
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * A fingerprint of everything a machine version decides with: its id, states, transitions,
 * targets, guards and actions by name (through the definition's own JSON), the context it starts
 * with, and the code of every guard and action it carries. Editing any of them changes it.
 */
export function definitionHash(machine: AnyStateMachine): string {
  const definition = {
    root: JSON.parse(JSON.stringify(machine)) as unknown,
    context: machine.config.context,
    guards: machine.implementations.guards,
    actions: machine.implementations.actions,
    actors: machine.implementations.actors,
    delays: machine.implementations.delays,
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(definition)))
    .digest('hex');
}
