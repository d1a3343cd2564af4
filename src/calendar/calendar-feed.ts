import ical from 'ical-generator';
import type { DeadlineKind } from '../../machines/deadline-rules.js';

/** Swedish names of what a deadline means for the secretary's calendar. */
export const DEADLINE_SUMMARIES: Record<DeadlineKind, string> = {
  midpoint: 'Halvtidsuppföljning',
  periodEnd: 'Umgängesstödets period slutar',
  supporterNotAppointed: 'Påminnelse: umgängesstödjare ej utsedd',
  summonsNotSent: 'Påminnelse: kallelse till uppstartsmöte ej skickad',
  startupMeetingNotHeld: 'Påminnelse: uppstartsmöte ej hållet',
  visitsNotStarted: 'Påminnelse: umgängena har inte kommit i gång',
  visitReportMissing: 'Påminnelse: besöksrapport saknas',
  noRecentVisit: 'Påminnelse: inget umgängestillfälle på länge',
  followUpNotHeld: 'Påminnelse: halvtidsuppföljning ej hållen',
  closingMeetingNotHeld: 'Påminnelse: avslutningsmöte ej hållet',
  evaluationNotSubmitted: 'Påminnelse: utvärdering till tingsrätten ej inskickad',
  notArchived: 'Påminnelse: ärendet ej arkiverat',
};

/**
 * One entry of the feed. Only what identifies no one: the case's diary number (or court case
 * number before it has one) and what is due. Never a name, personnummer or address.
 */
export interface FeedItem {
  /** Stable across requests, so calendar clients update the event instead of adding another. */
  uid: string;
  /** The case it belongs to: the feed's read is filed under it in the audit trail, never shown. */
  caseId: string;
  caseReference: string;
  summary: string;
  start: Date;
  minutes: number;
  /** When the item came to be: the event's DTSTAMP, stable as long as the item is. */
  stamp: Date;
}

const UID_DOMAIN = 'umgangesstod';

export const feedUid = (kind: string, id: string) => `${kind}-${id}@${UID_DOMAIN}`;

export function calendarFeed(items: FeedItem[]): string {
  const calendar = ical({
    name: 'Umgängesstöd: mina ärenden',
    prodId: { company: 'umgangesstod', product: 'case-engine', language: 'SV' },
    ttl: 3600,
  });
  for (const item of items) {
    calendar.createEvent({
      id: item.uid,
      start: item.start,
      end: new Date(item.start.getTime() + item.minutes * 60_000),
      stamp: item.stamp,
      summary: `${item.caseReference}: ${item.summary}`,
      description: `Ärende ${item.caseReference}. ${item.summary}.`,
    });
  }
  return calendar.toString();
}
