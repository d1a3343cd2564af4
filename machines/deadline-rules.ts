import type { CaseContext } from './case-context.js';
import type { DeadlineEventType } from './case-events.js';
import { addDays, periodBounds } from './period.js';

/** Deadlines that move the case: the law's clock. */
export const TRANSITION_DEADLINE_KINDS = ['midpoint', 'periodEnd'] as const;
/** Deadlines that only remind the case's secretary. */
export const REMINDER_KINDS = [
  'supporterNotAppointed',
  'startupMeetingNotHeld',
  'visitReportMissing',
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
  startupMeetingNotHeld: 21,
  visitReportMissing: 3,
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
  return [...instants].map((occurredAt) => ({ kind: 'visitReportMissing', dueAt: addDays(occurredAt, delays.visitReportMissing) }));
}

/**
 * Which deadlines a case should have, given where it stands: a pure function, so that after
 * every transition the stored deadlines can be brought in line with it.
 */
export function wantedDeadlines(state: string, context: CaseContext, delays: ReminderDelays): WantedDeadline[] {
  const { judgment } = context;
  const period = () => periodBounds(judgment.periodStart, judgment.periodEnd);
  const wanted: WantedDeadline[] = [];
  switch (state) {
    case 'received':
    case 'initiated':
      wanted.push({ kind: 'supporterNotAppointed', dueAt: addDays(context.registeredAt, delays.supporterNotAppointed) });
      break;
    case 'startupMeeting':
      if (!context.startupMeeting?.heldAt) {
        wanted.push({
          kind: 'startupMeetingNotHeld',
          dueAt: addDays(context.startupMeeting!.summonsSentAt, delays.startupMeetingNotHeld),
        });
      }
      break;
    case 'activeVisits':
      if (context.midpointReachedAt === undefined) {
        wanted.push({ kind: 'midpoint', dueAt: period().midpointAt, event: 'MIDPOINT_REACHED' });
      }
      wanted.push({ kind: 'periodEnd', dueAt: period().endsAt, event: 'PERIOD_ENDED' });
      wanted.push(...visitReportReminders(context, delays));
      break;
    case 'midpointFollowUp':
      wanted.push({ kind: 'periodEnd', dueAt: period().endsAt, event: 'PERIOD_ENDED' });
      wanted.push(...visitReportReminders(context, delays));
      break;
    case 'closing':
      if (judgment.evaluationRequested) {
        wanted.push({
          kind: 'evaluationNotSubmitted',
          dueAt: addDays(context.closing!.startedAt, delays.evaluationNotSubmitted),
        });
      }
      wanted.push({ kind: 'notArchived', dueAt: addDays(context.closing!.startedAt, delays.notArchived) });
      wanted.push(...visitReportReminders(context, delays));
      break;
    case 'evaluated':
      wanted.push({ kind: 'notArchived', dueAt: addDays(context.closing!.startedAt, delays.notArchived) });
      wanted.push(...visitReportReminders(context, delays));
      break;
  }
  return wanted;
}
