import { createHash } from 'node:crypto';
import type { AnyStateMachine } from 'xstate';

/** JSON with every object's keys sorted, so the same definition always gives the same text. */
function canonical(value: unknown): unknown {
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
 * A fingerprint of what a machine version decides: its states, transitions, targets, guards and
 * actions by name, and the names of the implementations it carries.
 */
export function definitionHash(machine: AnyStateMachine): string {
  const definition = {
    // Through JSON first: the definition's nodes carry their own toJSON.
    root: JSON.parse(JSON.stringify(machine)) as unknown,
    guards: Object.keys(machine.implementations.guards).sort(),
    actions: Object.keys(machine.implementations.actions).sort(),
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(definition)))
    .digest('hex');
}
