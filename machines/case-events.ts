/** What a case's machine understands: the events a secretary or supporter sends, and the system's own. */

export const VISIT_OUTCOMES = ['completed', 'stopped', 'cancelled', 'noShow'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
/** A report is expected after every visit that was held, including one the supporter had to stop. */
export const REPORTED_OUTCOMES: readonly VisitOutcome[] = ['completed', 'stopped'];

/** Why a supporter stopped a visit (seed 003: must stop if the parent seems intoxicated, may if the child is unwell). */
export const STOP_REASONS = ['visitingParentIntoxicated', 'childUnwell', 'other'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** Who called off a cancelled visit. */
export const CANCELLED_BY = ['residentParent', 'visitingParent', 'child', 'supporter', 'unit'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

export interface InitiateEvent {
  type: 'INITIATE';
  diaryNumber?: string;
}
export interface AppointSupporterEvent {
  type: 'APPOINT_SUPPORTER';
  supporterId: string;
  decidedAt: string;
}
/** A new decision naming another supporter while the assignment runs; the old one is released. */
export interface ReplaceSupporterEvent {
  type: 'REPLACE_SUPPORTER';
  supporterId: string;
  decidedAt: string;
  reason: string;
}
export interface SendSummonsEvent {
  type: 'SEND_SUMMONS';
  meetingAt: string;
}
export interface HoldStartupMeetingEvent {
  type: 'HOLD_STARTUP_MEETING';
  heldAt: string;
  enrollmentFormSigned: boolean;
  rulesAccepted: boolean;
  childInterviewConsent: boolean;
}
export interface StartVisitsEvent {
  type: 'START_VISITS';
  documentCopiesSentAt: string;
}
export interface LogVisitEvent {
  type: 'LOG_VISIT';
  occurredAt: string;
  durationMinutes: number;
  outcome: VisitOutcome;
  stopReason?: StopReason;
  notes?: string;
  /** The planned visit this outcome belongs to, when it was planned in the system. */
  visitPlanId?: string;
  cancelledBy?: CancelledBy;
}
export interface HoldFollowUpEvent {
  type: 'HOLD_FOLLOW_UP';
  heldAt: string;
  notes?: string;
  /** Who took part (parents, supporter, child), as the history records them. */
  participants?: string[];
}
export interface EndEarlyEvent {
  type: 'END_EARLY';
  reason: string;
}
export interface HoldClosingMeetingEvent {
  type: 'HOLD_CLOSING_MEETING';
  heldAt: string;
  notes?: string;
  participants?: string[];
}
export interface SubmitEvaluationEvent {
  type: 'SUBMIT_EVALUATION';
  sentToCourtAt: string;
}
export interface ArchiveEvent {
  type: 'ARCHIVE';
  terminationDecidedAt: string;
}

export type ClientEvent =
  | InitiateEvent
  | AppointSupporterEvent
  | ReplaceSupporterEvent
  | SendSummonsEvent
  | HoldStartupMeetingEvent
  | StartVisitsEvent
  | LogVisitEvent
  | HoldFollowUpEvent
  | EndEarlyEvent
  | HoldClosingMeetingEvent
  | SubmitEvaluationEvent
  | ArchiveEvent;

/** Sent by the deadline machinery when the law's clock says so. */
export type DeadlineEvent = { type: 'MIDPOINT_REACHED' } | { type: 'PERIOD_ENDED' };
/** Sent by the service when the first report on a held or stopped visit is filed. */
export interface VisitReportFiledEvent {
  type: 'VISIT_REPORT_FILED';
  /** The visit's occurredAt: which awaited report arrived. */
  occurredAt: string;
}

/** Sent only by the system itself, never accepted from a client. */
export type SystemEvent = DeadlineEvent | VisitReportFiledEvent;

export type ClientEventType = ClientEvent['type'];
export type SystemEventType = SystemEvent['type'];
export type DeadlineEventType = DeadlineEvent['type'];

export const CLIENT_EVENT_TYPES: readonly ClientEventType[] = [
  'INITIATE',
  'APPOINT_SUPPORTER',
  'REPLACE_SUPPORTER',
  'SEND_SUMMONS',
  'HOLD_STARTUP_MEETING',
  'START_VISITS',
  'LOG_VISIT',
  'HOLD_FOLLOW_UP',
  'END_EARLY',
  'HOLD_CLOSING_MEETING',
  'SUBMIT_EVALUATION',
  'ARCHIVE',
];
export const SYSTEM_EVENT_TYPES: readonly SystemEventType[] = [
  'MIDPOINT_REACHED',
  'PERIOD_ENDED',
  'VISIT_REPORT_FILED',
];

/**
 * Every event reaches the machine stamped with the instant the system recorded it, so the
 * machine stays pure (no clock of its own) and the context can say when things happened.
 */
export type CaseEvent = (ClientEvent | SystemEvent) & { at: string };
export type CaseEventType = CaseEvent['type'];
