import { allowedClientEvents, restore, type CaseSnapshot } from '../../machines/case-decisions.js';
import { REPORTED_OUTCOMES } from '../../machines/case-events.js';
import { machineFor } from '../../machines/registry.js';
import type { Actor } from '../common/actor.js';
import { maskPersonnummer } from '../common/personnummer.js';
import type { CaseRetention } from '../documents/case-retention.entity.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import type { Visit } from '../visits/visit.entity.js';
import type { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import type { CaseParty } from '../cases/case-party.entity.js';
import type { CaseRecord } from '../cases/case-record.entity.js';
import { separateMeetingsRequired } from '../cases/protected-parties.js';

/** A party with its personnummer opened, for masking; never stored or logged like this. */
export type RevealedParty = CaseParty & { personnummer: string };

/** Addresses are not part of the case view: they are read (and audited) through GET /cases/:id/parties. */
function partyView(party: RevealedParty) {
  return {
    id: party.id,
    name: party.name,
    personnummer: maskPersonnummer(party.personnummer),
    protection: party.protection,
    meetingRisk: party.meetingRisk,
    ...(party.role === 'child' ? { custody: party.custody } : {}),
  };
}

/** A case as the secretary sees it; personnummer masked. */
export function caseView(
  record: CaseRecord,
  parties: RevealedParty[],
  deadlines: Deadline[],
  visits: Visit[],
  retention: CaseRetention | null = null,
  /** The snapshot a command just decided, so it is not restored again from the stored JSON. */
  decided?: CaseSnapshot,
) {
  const current = decided ?? restore(machineFor(record.machineVersion), record.snapshot);
  const { judgment, ...progress } = record.snapshot.context;
  const byRole = (role: CaseParty['role']) =>
    parties.filter((p) => p.role === role).sort((a, b) => a.position - b.position);
  return {
    id: record.id,
    state: record.state,
    subState: record.subState,
    version: record.version,
    machineVersion: record.machineVersion,
    judgment,
    responsibleSecretaryId: record.responsibleSecretaryId,
    /** A parent's whereabouts are protected: individual meetings only, and nothing to the other parent says where or when. */
    separateMeetings: separateMeetingsRequired(parties),
    parties: {
      children: byRole('child').map(partyView),
      residentParent: byRole('residentParent').map(partyView)[0],
      visitingParent: byRole('visitingParent').map(partyView)[0],
    },
    progress,
    allowedEvents: allowedClientEvents(current),
    deadlines: deadlines.map((d) => ({ id: d.id, kind: d.kind, dueAt: d.dueAt.toISOString(), status: d.status })),
    visits: visits.map((v) => ({
      id: v.id,
      occurredAt: v.occurredAt.toISOString(),
      durationMinutes: v.durationMinutes,
      outcome: v.outcome,
      stopReason: v.stopReason,
      cancelledBy: v.cancelledBy,
      absenceReason: v.absenceReason,
      notes: v.notes,
      supporterId: v.supporterId,
    })),
    /** Set when the case is archived: the day its file is to be disposed of (gallring). */
    retention: retention
      ? { archivedAt: retention.archivedAt.toISOString(), disposalDate: retention.disposalDate }
      : null,
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
    responsibleSecretaryId: record.responsibleSecretaryId,
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

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0];
}

/**
 * The visits a supporter may see: those they were the supporter on, whatever their date. A date
 * (say, the appointment decision's) would hide their own visits whenever it was recorded wrongly.
 */
function visitsWithin(view: CaseView, actor: Actor): CaseView['visits'] {
  if (!actor.reach || !actor.supporterId) return [];
  return view.visits.filter((v) => v.supporterId === actor.supporterId);
}

/**
 * The visits still waiting for their report, as the case's machine counts them (and reminds of
 * them): an entry per held or stopped visit, taken away by the report that names its time.
 */
function visitsAwaitingReport(view: CaseView): Set<string> {
  const left = new Map<number, number>();
  for (const occurredAt of view.progress.visitsAwaitingReport ?? []) {
    const at = Date.parse(occurredAt);
    left.set(at, (left.get(at) ?? 0) + 1);
  }
  // Two visits at one instant share its entries; which of them a report was for is not recorded.
  const awaiting = new Set<string>();
  for (const visit of view.visits) {
    const at = Date.parse(visit.occurredAt);
    const count = left.get(at) ?? 0;
    if (count === 0 || !REPORTED_OUTCOMES.includes(visit.outcome)) continue;
    awaiting.add(visit.id);
    left.set(at, count - 1);
  }
  return awaiting;
}

/**
 * What a supporter needs for the visits of their own assignment: children's first names, the
 * parents' names, the period and the visits' times, and whether each still waits for its report.
 * Never a personnummer, never an address.
 */
export function supporterCaseView(view: CaseView, actor: Actor) {
  const awaiting = visitsAwaitingReport(view);
  return {
    id: view.id,
    state: view.state,
    subState: view.subState,
    version: view.version,
    period: { start: view.judgment.periodStart, end: view.judgment.periodEnd },
    children: view.parties.children.map((child) => ({ firstName: firstName(child.name) })),
    residentParent: { name: view.parties.residentParent?.name },
    visitingParent: { name: view.parties.visitingParent?.name },
    visits: visitsWithin(view, actor).map((visit) => ({
      id: visit.id,
      occurredAt: visit.occurredAt,
      durationMinutes: visit.durationMinutes,
      outcome: visit.outcome,
      stopReason: visit.stopReason,
      cancelledBy: visit.cancelledBy,
      absenceReason: visit.absenceReason,
      reportAwaited: awaiting.has(visit.id),
    })),
    allowedEvents: actor.reach?.kind === 'current' ? view.allowedEvents.filter((type) => type === 'LOG_VISIT') : [],
  };
}

/** What the administrator needs to archive: where the case stands, no parties. */
export function administratorCaseView(view: CaseView) {
  const { court, courtCaseNumber, periodStart, periodEnd } = view.judgment;
  return {
    id: view.id,
    state: view.state,
    subState: view.subState,
    version: view.version,
    judgment: { court, courtCaseNumber, periodStart, periodEnd },
    allowedEvents: view.allowedEvents.filter((type) => type === 'ARCHIVE'),
    retention: view.retention,
    updatedAt: view.updatedAt,
  };
}

/** The case as the caller's role (and, for a supporter, their place on the case) may see it. */
export function caseViewFor(actor: Actor, view: CaseView) {
  if (actor.role === 'supporter') return supporterCaseView(view, actor);
  if (actor.role === 'administrator') return administratorCaseView(view);
  return view;
}
