import { ALERT_KINDS, type AlertKind } from '../alerts/alert-kinds.js';

/**
 * Every alert kind a person can be told about. `periodEndedBeforeVisits` is raised by the case
 * machine's newer version (issue 9); naming it here gives it a preference and a text before it lands.
 */
export const NOTIFIED_KINDS = [...new Set([...ALERT_KINDS, 'periodEndedBeforeVisits'] as const)];
export type NotifiedKind = AlertKind | 'periodEndedBeforeVisits';

export const NOTIFICATION_MODES = ['immediate', 'digest', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** What needs someone today goes out at once; what is merely waiting comes in the daily digest. */
export const DEFAULT_MODES: Record<NotifiedKind, NotificationMode> = {
  visitStopped: 'immediate',
  deadlineFailed: 'immediate',
  periodEndedBeforeVisits: 'immediate',
  supporterNotAppointed: 'digest',
  startupMeetingNotHeld: 'digest',
  visitReportMissing: 'digest',
  evaluationNotSubmitted: 'digest',
  notArchived: 'digest',
};

/** The alert as a mail names it, in Swedish: what happened, never to whom or why. */
export const SWEDISH_KIND_NAMES: Record<NotifiedKind, string> = {
  visitStopped: 'Ett umgänge har avbrutits',
  deadlineFailed: 'En tidsfrist kunde inte hanteras',
  periodEndedBeforeVisits: 'Umgängesperioden tog slut innan umgängena kom i gång',
  supporterNotAppointed: 'Ingen umgängesstödjare har utsetts',
  startupMeetingNotHeld: 'Uppstartsmötet har inte hållits',
  visitReportMissing: 'Rapport saknas från ett umgänge',
  evaluationNotSubmitted: 'Utvärderingen till tingsrätten har inte skickats',
  notArchived: 'Ärendet har inte arkiverats',
};

export function isNotifiedKind(kind: string): kind is NotifiedKind {
  return (NOTIFIED_KINDS as readonly string[]).includes(kind);
}
