import type { CaseContext } from './case-context.js';
import type { BookedMeetingKind, DeadlineEventType } from './case-events.js';
import { addDays, dayStartsAt, periodBounds } from './period.js';

/** Deadlines that move the case: the law's clock. */
export const TRANSITION_DEADLINE_KINDS = ['midpoint', 'periodEnd'] as const;
/** Deadlines that only remind the case's secretary. */
export const REMINDER_KINDS = [
  'supporterNotAppointed',
  'summonsNotSent',
  'startupMeetingNotHeld',
  'visitsNotStarted',
  'visitReportMissing',
  'noRecentVisit',
  'followUpNotHeld',
  'closingMeetingNotHeld',
  'evaluationNotSubmitted',
  'notArchived',
] as const;

export type TransitionDeadlineKind = (typeof TRANSITION_DEADLINE_KINDS)[number];
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type DeadlineKind = TransitionDeadlineKind | ReminderKind;

/** Days after the triggering moment before each reminder falls due. */
export type ReminderDelays = Record<ReminderKind, number>;

export const DEFAULT_REMINDER_DELAYS: ReminderDelays = {
  // JO 2969-2017: a slow appointment cost a child eight months of contact.
  supporterNotAppointed: 14,
  summonsNotSent: 7,
  startupMeetingNotHeld: 21,
  visitsNotStarted: 14,
  visitReportMissing: 3,
  // Three weeks without a visit: the routine has stalled, and the child's contact with it.
  noRecentVisit: 21,
  followUpNotHeld: 14,
  closingMeetingNotHeld: 21,
  evaluationNotSubmitted: 30,
  notArchived: 60,
};

export interface WantedDeadline {
  kind: DeadlineKind;
  dueAt: string;
  /** The event the deadline sends to the case when it falls due; reminders send none. */
  event?: DeadlineEventType;
}

/** When the judgment reached the unit: the day the secretary gave, or else the registration. */
export function judgmentReceivedAt(context: CaseContext): string {
  return context.judgment.receivedAt ? dayStartsAt(context.judgment.receivedAt) : context.registeredAt;
}

/** Whether the case closed because its period ran out before any visit could start. */
export function periodRanOutBeforeVisits(context: CaseContext): boolean {
  return context.closing?.cause === 'periodEndedBeforeVisits';
}

/** One deadline a state wants: when it falls due, in words and as instants. */
export interface DeadlineRule {
  kind: DeadlineKind;
  /** The event it sends to the case when it falls due; reminders send none. */
  event?: DeadlineEventType;
  /** When it falls due, in words (docs/routine.md); a reminder's words name what its days count from. */
  due: string;
  /** Its due instants for a case standing in the state: none while it is not wanted. */
  dueAt: (context: CaseContext, delays: ReminderDelays) => string[];
}

const period = (context: CaseContext) => periodBounds(context.judgment.periodStart, context.judgment.periodEnd);

const PERIOD_END: DeadlineRule = {
  kind: 'periodEnd',
  event: 'PERIOD_ENDED',
  due: "at the start of the day after the period's last day (Swedish time)",
  dueAt: (context) => [period(context).endsAt],
};

const MIDPOINT: DeadlineRule = {
  kind: 'midpoint',
  event: 'MIDPOINT_REACHED',
  due: 'half way through the period, once per assignment',
  dueAt: (context) => (context.midpointReachedAt === undefined ? [period(context).midpointAt] : []),
};

/** A reminder counted in days from a moment of the case; none while `from` gives none. */
function reminder(kind: ReminderKind, since: string, from: (context: CaseContext) => string | undefined): DeadlineRule {
  return {
    kind,
    due: `days after ${since}`,
    dueAt: (context, delays) => {
      const at = from(context);
      return at === undefined ? [] : [addDays(at, delays[kind])];
    },
  };
}

/** One reminder per instant at which a held or stopped visit still lacks its report. */
const VISIT_REPORT_MISSING: DeadlineRule = {
  kind: 'visitReportMissing',
  due: 'days after each held or stopped visit whose report is missing',
  dueAt: (context, delays) =>
    [...new Set(context.visitsAwaitingReport ?? [])].map((occurredAt) =>
      addDays(occurredAt, delays.visitReportMissing),
    ),
};

/** The last of a booked meeting's times (the joint one or each parent's own), where one is booked. */
function bookedMeetingAt(context: CaseContext, kind: BookedMeetingKind): string | undefined {
  const booked = context.meetings?.[kind];
  const times = [booked?.meetingAt, ...Object.values(booked?.individual ?? {}).map((m) => m.meetingAt)];
  return times
    .filter((at): at is string => at !== undefined)
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1);
}

/** While visits run: days after the latest visit logged, or the start of visits where none is; each visit moves it on. */
const NO_RECENT_VISIT = reminder(
  'noRecentVisit',
  'the latest visit, or the start of visits where none is logged',
  (c) =>
    [c.visitsStartedAt, c.latestVisitAt ?? c.lastVisit?.occurredAt]
      .filter((at): at is string => at !== undefined)
      .sort((a, b) => Date.parse(a) - Date.parse(b))
      .at(-1),
);

const NOT_ARCHIVED = reminder('notArchived', 'the case began to close', (c) => c.closing?.startedAt);

/**
 * The deadlines each top-level state wants, in order. Every open state has at least one: until
 * the case closes the period's end is always pending, and after it reminders wait for the closing
 * steps. A state not listed (archived) wants none.
 */
export const STATE_DEADLINES: Readonly<Record<string, readonly DeadlineRule[]>> = {
  received: [PERIOD_END, reminder('supporterNotAppointed', 'the judgment reached the unit', judgmentReceivedAt)],
  initiated: [PERIOD_END, reminder('supporterNotAppointed', 'the judgment reached the unit', judgmentReceivedAt)],
  supporterAppointed: [
    PERIOD_END,
    reminder('summonsNotSent', 'the supporter was appointed', (c) => c.supporter?.appointedAt),
  ],
  startupMeeting: [
    PERIOD_END,
    reminder('startupMeetingNotHeld', 'the summons was sent, while the meeting is not held', (c) =>
      c.startupMeeting?.heldAt ? undefined : c.startupMeeting?.summonsSentAt,
    ),
    reminder('visitsNotStarted', 'the start-up meeting was held', (c) => c.startupMeeting?.heldAt),
  ],
  activeVisits: [MIDPOINT, PERIOD_END, NO_RECENT_VISIT, VISIT_REPORT_MISSING],
  midpointFollowUp: [
    PERIOD_END,
    reminder(
      'followUpNotHeld',
      'the booked follow-up meeting, or the midpoint where none is booked',
      (c) => bookedMeetingAt(c, 'midpointFollowUp') ?? c.midpointReachedAt,
    ),
    NO_RECENT_VISIT,
    VISIT_REPORT_MISSING,
  ],
  closing: [
    reminder(
      'closingMeetingNotHeld',
      'the booked closing meeting, or the case began to close where none is booked, while it is not held',
      (c) => (c.closing?.meetingHeldAt ? undefined : (bookedMeetingAt(c, 'closing') ?? c.closing?.startedAt)),
    ),
    reminder('evaluationNotSubmitted', 'the case began to close, where the court asked for an evaluation', (c) =>
      c.judgment.evaluationRequested ? c.closing?.startedAt : undefined,
    ),
    NOT_ARCHIVED,
    VISIT_REPORT_MISSING,
  ],
  evaluated: [NOT_ARCHIVED, VISIT_REPORT_MISSING],
};

/**
 * Which deadlines a case should have, given where it stands: a pure function, so that after
 * every transition the stored deadlines can be brought in line with it.
 */
export function wantedDeadlines(state: string, context: CaseContext, delays: ReminderDelays): WantedDeadline[] {
  return (STATE_DEADLINES[state] ?? []).flatMap(({ kind, event, dueAt }) =>
    dueAt(context, delays).map((at) => (event ? { kind, dueAt: at, event } : { kind, dueAt: at })),
  );
}
