import type { CaseContext } from './case-context.js';
import type { DeadlineEventType } from './case-events.js';
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

/** One reminder per instant at which a held or stopped visit still lacks its report. */
function visitReportReminders(context: CaseContext, delays: ReminderDelays): WantedDeadline[] {
  const instants = new Set(context.visitsAwaitingReport ?? []);
  return [...instants].map((occurredAt) => ({
    kind: 'visitReportMissing',
    dueAt: addDays(occurredAt, delays.visitReportMissing),
  }));
}

/** When the judgment reached the unit: the day the secretary gave, or else the registration. */
export function judgmentReceivedAt(context: CaseContext): string {
  return context.judgment.receivedAt ? dayStartsAt(context.judgment.receivedAt) : context.registeredAt;
}

/** Whether the case closed because its period ran out before any visit could start. */
export function periodRanOutBeforeVisits(context: CaseContext): boolean {
  return context.closing?.cause === 'periodEndedBeforeVisits';
}

/**
 * Which deadlines a case should have, given where it stands: a pure function, so that after
 * every transition the stored deadlines can be brought in line with it. Every open state has at
 * least one: until the case closes the period's end is always pending, and after it reminders
 * wait for the closing steps.
 */
export function wantedDeadlines(state: string, context: CaseContext, delays: ReminderDelays): WantedDeadline[] {
  const { judgment } = context;
  const period = () => periodBounds(judgment.periodStart, judgment.periodEnd);
  const periodEnd: WantedDeadline = { kind: 'periodEnd', dueAt: period().endsAt, event: 'PERIOD_ENDED' };
  const remind = (kind: ReminderKind, from: string): WantedDeadline => ({ kind, dueAt: addDays(from, delays[kind]) });
  const wanted: WantedDeadline[] = [];
  switch (state) {
    case 'received':
    case 'initiated':
      wanted.push(periodEnd, remind('supporterNotAppointed', judgmentReceivedAt(context)));
      break;
    case 'supporterAppointed':
      wanted.push(periodEnd, remind('summonsNotSent', context.supporter!.appointedAt));
      break;
    case 'startupMeeting': {
      const meeting = context.startupMeeting!;
      wanted.push(periodEnd);
      wanted.push(
        meeting.heldAt
          ? remind('visitsNotStarted', meeting.heldAt)
          : remind('startupMeetingNotHeld', meeting.summonsSentAt),
      );
      break;
    }
    case 'activeVisits':
      if (context.midpointReachedAt === undefined) {
        wanted.push({ kind: 'midpoint', dueAt: period().midpointAt, event: 'MIDPOINT_REACHED' });
      }
      wanted.push(periodEnd, ...visitReportReminders(context, delays));
      break;
    case 'midpointFollowUp':
      wanted.push(
        periodEnd,
        remind('followUpNotHeld', context.midpointReachedAt!),
        ...visitReportReminders(context, delays),
      );
      break;
    case 'closing': {
      const closing = context.closing!;
      if (!closing.meetingHeldAt) wanted.push(remind('closingMeetingNotHeld', closing.startedAt));
      if (judgment.evaluationRequested) wanted.push(remind('evaluationNotSubmitted', closing.startedAt));
      wanted.push(remind('notArchived', closing.startedAt), ...visitReportReminders(context, delays));
      break;
    }
    case 'evaluated':
      wanted.push(remind('notArchived', context.closing!.startedAt), ...visitReportReminders(context, delays));
      break;
  }
  return wanted;
}
