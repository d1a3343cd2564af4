import { allowedClientEvents, restore } from '../../machines/case-decisions.js';
import { machineFor } from '../../machines/registry.js';
import { maskPersonnummer } from '../common/personnummer.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import type { Visit } from '../visits/visit.entity.js';
import type { CaseHistoryEntry } from './case-history-entry.entity.js';
import type { CaseParty } from './case-party.entity.js';
import type { CaseRecord } from './case-record.entity.js';

function partyView(party: CaseParty) {
  return { name: party.name, personnummer: maskPersonnummer(party.personnummer) };
}

/** A case as the secretary sees it; personnummer masked. */
export function caseView(record: CaseRecord, parties: CaseParty[], deadlines: Deadline[], visits: Visit[]) {
  const machine = machineFor(record.machineVersion);
  const { judgment, ...progress } = record.snapshot.context;
  const byRole = (role: CaseParty['role']) => parties.filter((p) => p.role === role).sort((a, b) => a.position - b.position);
  return {
    id: record.id,
    state: record.state,
    subState: record.subState,
    version: record.version,
    machineVersion: record.machineVersion,
    judgment,
    parties: {
      children: byRole('child').map(partyView),
      residentParent: byRole('residentParent').map(partyView)[0],
      visitingParent: byRole('visitingParent').map(partyView)[0],
    },
    progress,
    allowedEvents: allowedClientEvents(restore(machine, record.snapshot)),
    deadlines: deadlines.map((d) => ({ id: d.id, kind: d.kind, dueAt: d.dueAt.toISOString(), status: d.status })),
    visits: visits.map((v) => ({
      id: v.id,
      occurredAt: v.occurredAt.toISOString(),
      durationMinutes: v.durationMinutes,
      outcome: v.outcome,
      stopReason: v.stopReason,
      notes: v.notes,
    })),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function caseSummaryView(record: CaseRecord) {
  return {
    id: record.id,
    state: record.state,
    subState: record.subState,
    version: record.version,
    court: record.court,
    courtCaseNumber: record.courtCaseNumber,
    periodStart: record.periodStart,
    periodEnd: record.periodEnd,
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function historyEntryView(entry: CaseHistoryEntry) {
  return {
    version: entry.version,
    type: entry.type,
    payload: entry.payload,
    fromState: entry.fromState,
    toState: entry.toState,
    at: entry.at.toISOString(),
    by: { id: entry.actorId, role: entry.actorRole },
  };
}

export type CaseView = ReturnType<typeof caseView>;
