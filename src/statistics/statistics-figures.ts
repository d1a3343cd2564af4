import { REMINDER_KINDS } from '../../machines/deadline-rules.js';
import { STOP_REASONS } from '../../machines/case-events.js';
import { EARLY_END_WORDS } from '../letters/swedish-words.js';

/** A count of fewer than this many (but some) is shown as "<5": small groups could point at a family. */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = '<5';
/** A count of five or more hidden as well, because with the total it would give away a "<5" beside it. */
export const WITHHELD = '..';

export type Count = number | typeof SUPPRESSED | typeof WITHHELD;
export type Days = number | typeof SUPPRESSED | null;

export interface Spread {
  cases: Count;
  medianDays: Days;
  p90Days: Days;
}

/** The facts the figures are computed from, as read from the tables. */
export interface StatisticsFacts {
  history: {
    caseId: string;
    type: string;
    payload: Record<string, unknown>;
    at: Date;
    fromState: string | null;
    toState: string;
  }[];
  visits: {
    caseId: string;
    occurredAt: Date;
    outcome: string;
    stopReason: string | null;
    supporterId: string | null;
  }[];
  alerts: { kind: string; raisedAt: Date; resolvedAt: Date | null }[];
}

export interface Period {
  from: string;
  to: string;
  /** The first instant of `from` and the first instant after `to`, Swedish time. */
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

/** 0 stays 0 (no one to point at); 1 to 4 become "<5". */
export function suppressed(n: number): Count {
  return n > 0 && n < SUPPRESS_BELOW ? SUPPRESSED : n;
}

/** Nearest-rank percentile: the smallest value with at least p percent of values at or below it. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const oneDecimal = (days: number) => Math.round(days * 10) / 10;

/** Median and 90th percentile of day counts, each case's figure hidden unless there are enough of them. */
export function spread(days: number[]): Spread {
  if (days.length === 0) return { cases: 0, medianDays: null, p90Days: null };
  if (days.length < SUPPRESS_BELOW) return { cases: SUPPRESSED, medianDays: SUPPRESSED, p90Days: SUPPRESSED };
  const sorted = [...days].sort((a, b) => a - b);
  return {
    cases: days.length,
    medianDays: oneDecimal(percentile(sorted, 50)),
    p90Days: oneDecimal(percentile(sorted, 90)),
  };
}

function countBy<T>(items: T[], keys: readonly string[], keyOf: (item: T) => string): Record<string, Count> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<string, number>;
  for (const item of items) {
    const key = keyOf(item);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([key, n]) => [key, suppressed(n)]));
}

const plainMedian = (values: number[]) =>
  values.length === 0
    ? null
    : percentile(
        [...values].sort((a, b) => a - b),
        50,
      );

/** Why a case ended early, as a category: free-text reasons can name people and are never shown. */
export const UNCATEGORISED = 'uncategorised';

function instant(value: unknown, fallback: Date): Date {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : fallback;
}

/**
 * Complementary suppression: a total shown exactly beside parts of which one alone is "<5" would
 * give that part away (total minus the others), so the smallest exact part beside it is withheld
 * too ("..."); with no such part, the total is. Returns the group as it may be shown.
 */
export function protectedGroup<P extends Record<string, Count>>(total: Count, parts: P): { total: Count; parts: P } {
  if (typeof total !== 'number') return { total, parts };
  const values = Object.entries(parts);
  if (values.filter(([, n]) => n === SUPPRESSED || n === WITHHELD).length !== 1) return { total, parts };
  const exact = values.filter(([, n]) => typeof n === 'number' && n > 0) as [string, number][];
  if (exact.length === 0) return { total: WITHHELD, parts };
  const [smallest] = exact.sort(([, a], [, b]) => a - b)[0];
  return { total, parts: { ...parts, [smallest]: WITHHELD } };
}

/** The figures with every total and its parts protected against differencing (protectedGroup). */
function complementarySuppression(figures: ReturnType<typeof rawFigures>): ReturnType<typeof rawFigures> {
  const { cases, visits, reminders } = figures;
  const ended = protectedGroup(cases.closed, cases.endedBy);
  const byReason = protectedGroup(ended.parts.endedEarly, cases.endedEarlyByReason);
  const stopped = protectedGroup(visits.stopped, visits.stoppedByReason);
  const byKind = protectedGroup(reminders.raised, reminders.byKind);
  const open = protectedGroup(byKind.total, { stillOpen: reminders.stillOpen, resolved: reminders.daysOpen.cases });
  return {
    ...figures,
    cases: {
      ...cases,
      closed: ended.total,
      endedBy: { ...ended.parts, endedEarly: byReason.total },
      endedEarlyByReason: byReason.parts,
    },
    visits: { ...visits, stopped: stopped.total, stoppedByReason: stopped.parts },
    reminders: {
      ...reminders,
      raised: open.total,
      byKind: byKind.parts,
      stillOpen: open.parts.stillOpen,
      daysOpen: { ...reminders.daysOpen, cases: open.parts.resolved },
    },
  };
}

export function statisticsFigures(facts: StatisticsFacts, period: Period) {
  return complementarySuppression(rawFigures(facts, period));
}

function rawFigures(facts: StatisticsFacts, period: Period) {
  const within = (at: Date) => at >= period.start && at < period.end;
  const entries = (type: string) => facts.history.filter((entry) => entry.type === type);
  const firstPerCase = (type: string) => {
    const first = new Map<string, StatisticsFacts['history'][number]>();
    for (const entry of entries(type))
      if (!first.has(entry.caseId) || entry.at < first.get(entry.caseId)!.at) first.set(entry.caseId, entry);
    return first;
  };
  // Judgment received: the registration's own receivedAt where it has one, else when it was registered.
  const registrations = firstPerCase('REGISTER');
  const received = new Map(
    [...registrations].map(([caseId, entry]) => [caseId, instant(entry.payload.receivedAt, entry.at)]),
  );
  const daysSinceReceived = (milestones: { caseId: string; at: Date }[]) =>
    milestones
      .filter(({ caseId, at }) => received.has(caseId) && within(at))
      .map(({ caseId, at }) => (at.getTime() - received.get(caseId)!.getTime()) / DAY_MS);

  const closings = facts.history.filter(
    (entry) => entry.toState === 'closing' && entry.fromState !== 'closing' && within(entry.at),
  );
  const endedEarly = closings.filter((entry) => entry.type === 'END_EARLY');
  const heldVisits = facts.visits.filter((visit) => visit.outcome === 'completed' || visit.outcome === 'stopped');
  const firstVisits = new Map<string, Date>();
  for (const visit of heldVisits) {
    const seen = firstVisits.get(visit.caseId);
    if (!seen || visit.occurredAt < seen) firstVisits.set(visit.caseId, visit.occurredAt);
  }
  const visits = facts.visits.filter((visit) => within(visit.occurredAt));
  const stopped = visits.filter((visit) => visit.outcome === 'stopped');
  const reminders = facts.alerts.filter(
    (alert) => (REMINDER_KINDS as readonly string[]).includes(alert.kind) && within(alert.raisedAt),
  );
  const resolved = reminders.filter((alert) => alert.resolvedAt !== null);

  return {
    period: { from: period.from, to: period.to },
    suppression: { below: SUPPRESS_BELOW, shownAs: SUPPRESSED, withheldAs: WITHHELD },
    cases: {
      opened: suppressed([...registrations.values()].filter((entry) => within(entry.at)).length),
      closed: suppressed(closings.length),
      endedBy: {
        periodEnded: suppressed(closings.filter((entry) => entry.type === 'PERIOD_ENDED').length),
        endedEarly: suppressed(endedEarly.length),
      },
      // Every category END_EARLY records is counted, the ones never used as 0.
      endedEarlyByReason: countBy(endedEarly, Object.keys(EARLY_END_WORDS), (entry) =>
        typeof entry.payload.reasonCategory === 'string' ? entry.payload.reasonCategory : UNCATEGORISED,
      ),
      evaluated: suppressed(entries('SUBMIT_EVALUATION').filter((entry) => within(entry.at)).length),
      archived: suppressed(entries('ARCHIVE').filter((entry) => within(entry.at)).length),
    },
    daysFromJudgmentReceived: {
      supporterAppointed: spread(
        daysSinceReceived(
          [...firstPerCase('APPOINT_SUPPORTER').values()].map((e) => ({
            caseId: e.caseId,
            at: instant(e.payload.decidedAt, e.at),
          })),
        ),
      ),
      startupMeeting: spread(
        daysSinceReceived(
          [...firstPerCase('HOLD_STARTUP_MEETING').values()].map((e) => ({
            caseId: e.caseId,
            at: instant(e.payload.heldAt, e.at),
          })),
        ),
      ),
      firstVisit: spread(daysSinceReceived([...firstVisits].map(([caseId, at]) => ({ caseId, at })))),
    },
    visits: {
      held: suppressed(visits.filter((visit) => visit.outcome === 'completed').length),
      stopped: suppressed(stopped.length),
      stoppedByReason: countBy(stopped, STOP_REASONS, (visit) => visit.stopReason ?? 'other'),
      cancelled: suppressed(visits.filter((visit) => visit.outcome === 'cancelled').length),
      notAttended: suppressed(visits.filter((visit) => visit.outcome === 'noShow').length),
    },
    reminders: {
      raised: suppressed(reminders.length),
      byKind: countBy(reminders, REMINDER_KINDS, (alert) => alert.kind),
      stillOpen: suppressed(reminders.length - resolved.length),
      daysOpen: spread(resolved.map((alert) => (alert.resolvedAt!.getTime() - alert.raisedAt.getTime()) / DAY_MS)),
    },
    supporters: supporterLoad(facts, period, visits),
  };
}

export type StatisticsFigures = ReturnType<typeof statisticsFigures>;

/**
 * A supporter is active in the period when one of their assignments overlaps it: from the
 * appointment until a replacement or the archiving. Load: their assignments and visits in it.
 */
function supporterLoad(facts: StatisticsFacts, period: Period, visits: StatisticsFacts['visits']) {
  const byCase = new Map<string, StatisticsFacts['history']>();
  for (const entry of [...facts.history].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (!['APPOINT_SUPPORTER', 'REPLACE_SUPPORTER', 'ARCHIVE'].includes(entry.type)) continue;
    byCase.set(entry.caseId, [...(byCase.get(entry.caseId) ?? []), entry]);
  }
  const assignments = new Map<string, number>();
  for (const steps of byCase.values()) {
    steps.forEach((step, i) => {
      if (typeof step.payload.supporterId !== 'string') return;
      const ends = steps[i + 1]?.at;
      if (step.at < period.end && (!ends || ends >= period.start)) {
        assignments.set(step.payload.supporterId, (assignments.get(step.payload.supporterId) ?? 0) + 1);
      }
    });
  }
  const visitCounts = [...assignments.keys()].map((id) => visits.filter((visit) => visit.supporterId === id).length);
  const loads = [...assignments.values()];
  // Each of these counts people or their visits: a small one is hidden like any other count.
  const perSupporter = (counts: number[]) => ({
    median: counts.length === 0 ? null : suppressed(plainMedian(counts)!),
    max: counts.length === 0 ? null : suppressed(Math.max(...counts)),
  });
  return {
    active: suppressed(assignments.size),
    casesPerSupporter: perSupporter(loads),
    visitsPerSupporter: perSupporter(visitCounts),
  };
}
