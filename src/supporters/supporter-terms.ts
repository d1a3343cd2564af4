import { In, type EntityManager } from 'typeorm';
import { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import { Supporter } from './supporter.entity.js';

/** One supporter's time on a case: from the decision appointing them to the one replacing them. */
export interface SupporterTerm {
  supporterId: string;
  name: string;
  /** The decision appointing them (an instant). */
  from: string;
  /** The decision replacing them, as an instant; null while they serve. */
  replacedAt: string | null;
}

const APPOINTMENTS = ['APPOINT_SUPPORTER', 'REPLACE_SUPPORTER'];

/** Every supporter who served on the case, in order, read from its history (appointments and replacements). */
export async function supporterTerms(manager: EntityManager, caseId: string): Promise<SupporterTerm[]> {
  const entries = await manager.find(CaseHistoryEntry, { where: { caseId, type: In(APPOINTMENTS) }, order: { version: 'ASC' } });
  const decisions = entries.map((e) => e.payload as { supporterId: string; decidedAt?: string });
  const ids = [...new Set(decisions.map((d) => d.supporterId))];
  const names = new Map((ids.length ? await manager.find(Supporter, { where: { id: In(ids) }, select: { id: true, name: true } }) : []).map((s) => [s.id, s.name]));
  return decisions.map((decision, i) => ({
    supporterId: decision.supporterId,
    name: names.get(decision.supporterId) ?? 'okänd',
    from: decision.decidedAt ?? entries[i].at.toISOString(),
    replacedAt: i + 1 < decisions.length ? (decisions[i + 1].decidedAt ?? entries[i + 1].at.toISOString()) : null,
  }));
}
