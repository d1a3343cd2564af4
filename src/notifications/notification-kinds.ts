import { ALERT_KINDS, type AlertKind } from '../alerts/alert-kinds.js';

/** Every alert kind a person can be told about. */
export const NOTIFIED_KINDS = ALERT_KINDS;
export type NotifiedKind = AlertKind;

export const NOTIFICATION_MODES = ['immediate', 'digest', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** What needs someone today goes out at once; what is merely waiting comes in the daily digest. */
export const DEFAULT_MODES: Record<NotifiedKind, NotificationMode> = {
  visitStopped: 'immediate',
  deadlineFailed: 'immediate',
  periodEndedBeforeVisits: 'immediate',
  supporterNotAppointed: 'digest',
  summonsNotSent: 'digest',
  startupMeetingNotHeld: 'digest',
  visitsNotStarted: 'digest',
  visitReportMissing: 'digest',
  noRecentVisit: 'digest',
  followUpNotHeld: 'digest',
  closingMeetingNotHeld: 'digest',
  evaluationNotSubmitted: 'digest',
  notArchived: 'digest',
};

export function isNotifiedKind(kind: string): kind is NotifiedKind {
  return (NOTIFIED_KINDS as readonly string[]).includes(kind);
}
