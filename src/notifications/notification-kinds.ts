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
  followUpNotHeld: 'digest',
  closingMeetingNotHeld: 'digest',
  evaluationNotSubmitted: 'digest',
  notArchived: 'digest',
};

/** The alert as a mail names it, in Swedish: what happened, never to whom or why. */
export const SWEDISH_KIND_NAMES: Record<NotifiedKind, string> = {
  visitStopped: 'Ett umgänge har avbrutits',
  deadlineFailed: 'En tidsfrist kunde inte hanteras',
  periodEndedBeforeVisits: 'Umgängesperioden tog slut innan umgängena kom i gång',
  supporterNotAppointed: 'Ingen umgängesstödjare har utsetts',
  summonsNotSent: 'Kallelsen till uppstartsmötet har inte skickats',
  startupMeetingNotHeld: 'Uppstartsmötet har inte hållits',
  visitsNotStarted: 'Umgängena har inte kommit i gång efter uppstartsmötet',
  visitReportMissing: 'Rapport saknas från ett umgänge',
  followUpNotHeld: 'Uppföljningen vid halva tiden har inte hållits',
  closingMeetingNotHeld: 'Avslutningsmötet har inte hållits',
  evaluationNotSubmitted: 'Utvärderingen till tingsrätten har inte skickats',
  notArchived: 'Ärendet har inte arkiverats',
};

export function isNotifiedKind(kind: string): kind is NotifiedKind {
  return (NOTIFIED_KINDS as readonly string[]).includes(kind);
}
