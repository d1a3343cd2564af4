import { REMINDER_KINDS, type ReminderKind } from '../../machines/deadline-rules.js';

/** A reminder fell due, or a deadline could not be acted on however often it was tried. */
export const ALERT_KINDS = [...REMINDER_KINDS, 'deadlineFailed', 'visitStopped', 'periodEndedBeforeVisits'] as const;
export type AlertKind = ReminderKind | 'deadlineFailed' | 'visitStopped' | 'periodEndedBeforeVisits';

/** What the secretary reads, in the words of GLOSSARY.md: what is waiting, never who the case is about. */
export const ALERT_MESSAGES: Record<AlertKind, string> = {
  supporterNotAppointed: 'Ingen umgängesstödjare har utsetts sedan domen kom in',
  summonsNotSent: 'Kallelse till uppstartsmöte har inte skickats sedan stödjaren utsågs',
  startupMeetingNotHeld: 'Uppstartsmötet har inte hållits sedan kallelsen skickades',
  visitsNotStarted: 'Umgänget har inte startat sedan uppstartsmötet',
  visitReportMissing: 'Rapport saknas för ett umgängestillfälle',
  noRecentVisit: 'Inget umgängestillfälle har registrerats på länge: kontrollera att umgänget blir av',
  followUpNotHeld: 'Halvtidsuppföljningen har inte hållits',
  closingMeetingNotHeld: 'Avslutningsmötet har inte hållits',
  evaluationNotSubmitted: 'Utvärderingen som tingsrätten begärt har inte skickats',
  notArchived: 'Ärendet har inte arkiverats',
  deadlineFailed: 'En tidsfrist kunde inte hanteras och försöks igen: någon behöver titta på orsaken',
  visitStopped: 'Ett umgängestillfälle avbröts: följ upp med föräldrarna och stödjaren',
  periodEndedBeforeVisits: 'Perioden i domen löpte ut innan umgänget startade: tingsrätten ska underrättas',
};

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved', 'waived'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
