import { In, type EntityManager } from 'typeorm';
import { CaseHistoryEntry } from './case-history-entry.entity.js';

/** One supporter's time on a case: from the decision appointing them to the one replacing them. */
export interface Appointment {
  supporterId: string;
  /** The decision appointing them (an instant). */
  from: string;
  /** The decision replacing them, as an instant; null while they serve. */
  replacedAt: string | null;
}

const APPOINTING_EVENTS = ['APPOINT_SUPPORTER', 'REPLACE_SUPPORTER'];

/** Every appointment on the case, in order, read from its history (appointments and replacements). */
export async function appointmentsOf(manager: EntityManager, caseId: string): Promise<Appointment[]> {
  const entries = await manager.find(CaseHistoryEntry, {
    where: { caseId, type: In(APPOINTING_EVENTS) },
    order: { version: 'ASC' },
  });
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
