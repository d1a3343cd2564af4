import type { PersistedCase } from './case-decisions.js';

/**
 * What queries ask of a case, read out of its machine context once, when the command path writes
 * it: the rest of the service filters and joins on these columns and never opens snapshot JSON.
 */
export interface CaseFacts {
  /** The supporter appointed now (the latest appointment or replacement). */
  supporterId: string | null;
  diaryNumber: string | null;
}

export function caseFacts(persisted: PersistedCase): CaseFacts {
  const { context } = persisted;
  return { supporterId: context.supporter?.supporterId ?? null, diaryNumber: context.diaryNumber ?? null };
}

/** When the supporter appointed now was appointed (the decision's instant); null while none is. */
export function supporterAppointedSince(persisted: PersistedCase): string | null {
  return persisted.context.supporter?.decidedAt ?? null;
}
