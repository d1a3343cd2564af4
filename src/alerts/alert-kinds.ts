import { REMINDER_KINDS, type ReminderKind } from '../../machines/deadline-rules.js';

/** A reminder fell due, or a deadline could not be acted on however often it was tried. */
export const ALERT_KINDS = [...REMINDER_KINDS, 'deadlineFailed', 'visitStopped', 'periodEndedBeforeVisits'] as const;
export type AlertKind = ReminderKind | 'deadlineFailed' | 'visitStopped' | 'periodEndedBeforeVisits';

/** What the secretary reads: what is waiting, never who the case is about. */
export const ALERT_MESSAGES: Record<AlertKind, string> = {
  supporterNotAppointed: 'No supporter has been appointed since the judgment reached the unit',
  summonsNotSent: 'The summons to the start-up meeting has not been sent since the supporter was appointed',
  visitsNotStarted: 'Visits have not started since the start-up meeting was held',
  followUpNotHeld: 'The midpoint follow-up has not been held since the midpoint was reached',
  closingMeetingNotHeld: 'The closing meeting has not been held since the case entered closing',
  startupMeetingNotHeld: 'The start-up meeting has not been held since the summons was sent',
  visitReportMissing: 'No report has been filed for a visit that was held or stopped',
  evaluationNotSubmitted: 'The evaluation the court asked for has not been submitted since the case entered closing',
  notArchived: 'The case has not been archived since it entered closing',
  deadlineFailed: 'A deadline of this case could not be acted on and is being retried: someone should look at why',
  visitStopped: 'The supporter stopped a visit: follow up with the parents and the supporter',
  periodEndedBeforeVisits: 'The period set by the court ran out before visits started: the court must be told',
};

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved', 'waived'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
