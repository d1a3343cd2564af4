import type { EntityManager } from 'typeorm';
import { CasesRepository } from './cases.repository.js';

const cases = new CasesRepository();

/** One supporter's time on a case: from the decision appointing them to the one replacing them. */
export interface Appointment {
  supporterId: string;
  /** The decision appointing them (an instant). */
  from: string;
  /** The decision replacing them, as an instant; null while they serve. */
  replacedAt: string | null;
}

/** Every appointment on the case, in order, read from its history (appointments and replacements). */
export async function appointmentsOf(manager: EntityManager, caseId: string): Promise<Appointment[]> {
  const entries = await cases.appointingEntries(manager, caseId);
  const decisions = entries.map((e) => {
    const payload = e.payload as { supporterId: string; decidedAt?: string };
    return { supporterId: payload.supporterId, at: payload.decidedAt ?? e.at.toISOString() };
  });
  return decisions.map((d, i) => ({
    supporterId: d.supporterId,
    from: d.at,
    replacedAt: decisions[i + 1]?.at ?? null,
  }));
}
