import { REMINDER_KINDS, type ReminderKind } from '../../machines/deadline-rules.js';

/** A reminder fell due, or a deadline could not be acted on however often it was tried. */
export const ALERT_KINDS = [...REMINDER_KINDS, 'deadlineFailed', 'visitStopped'] as const;
export type AlertKind = ReminderKind | 'deadlineFailed' | 'visitStopped';

/** What the secretary reads: what is waiting, never who the case is about. */
export const ALERT_MESSAGES: Record<AlertKind, string> = {
  supporterNotAppointed: 'No supporter has been appointed since the judgment was registered',
  startupMeetingNotHeld: 'The start-up meeting has not been held since the summons was sent',
  visitReportMissing: 'No report has been filed for a visit that was held or stopped',
  evaluationNotSubmitted: 'The evaluation the court asked for has not been submitted since the case entered closing',
  notArchived: 'The case has not been archived since it entered closing',
  deadlineFailed: 'A deadline of this case could not be acted on and is being retried: someone should look at why',
  visitStopped: 'The supporter stopped a visit: follow up with the parents and the supporter',
};

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
