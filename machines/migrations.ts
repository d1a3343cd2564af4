import type { PersistedCase } from './case-decisions.js';
import { CURRENT_MACHINE_VERSION, machineFor } from './registry.js';

/** How a stored snapshot of one version becomes a snapshot of the next. */
interface MachineMigration {
  to: string;
  migrate(persisted: PersistedCase): PersistedCase;
}

const MIGRATIONS: Readonly<Record<string, MachineMigration>> = {
  // @2 only adds transitions and optional context (receivedAt absent means "at registration"):
  // every @1 state and context means the same under @2.
  'contactSupport@1': { to: 'contactSupport@2', migrate: (persisted) => persisted },
  // @3 keeps every @2 state and context field with its meaning, and only adds transitions,
  // guards and optional context (no individual meetings, sentOn or decision-maker means none given).
  'contactSupport@2': { to: 'contactSupport@3', migrate: (persisted) => persisted },
};

export interface MigratedCase {
  version: string;
  persisted: PersistedCase;
  /** The versions passed through, oldest first, ending with the current one. */
  path: string[];
}

/**
 * Whether a stored case moves to the current version: every open case does; a case in a final
 * state (archived) never changes again, so it keeps the version it ended under.
 */
export function needsMigration(version: string, persisted: PersistedCase): boolean {
  if (version === CURRENT_MACHINE_VERSION) return false;
  return machineFor(version).resolveState(persisted).status !== 'done';
}

/** Walks a stored snapshot up to the current version, one shipped migration at a time. */
export function migrateToCurrent(version: string, persisted: PersistedCase): MigratedCase {
  const path = [version];
  let current = { version, persisted };
  while (current.version !== CURRENT_MACHINE_VERSION) {
    const step = MIGRATIONS[current.version];
    if (!step) throw new Error(`no migration leads from machine version "${current.version}"`);
    current = { version: step.to, persisted: step.migrate(current.persisted) };
    path.push(step.to);
  }
  // The result must be a snapshot the current machine can stand in.
  machineFor(CURRENT_MACHINE_VERSION).resolveState(current.persisted);
  return { ...current, path };
}
