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

/** Why support ended early, for statistics (the free-text reason says the rest). */
export const EARLY_END_CATEGORIES = [
  'courtChangedOrder',
  'parentsAgreed',
  'childMoved',
  'visitingParentStopped',
  'childDeclined',
  'other',
] as const;
export type EarlyEndCategory = (typeof EARLY_END_CATEGORIES)[number];

/** The parents, who may be met one at a time where one of them must not learn where the other will be. */
export const MEETING_PARTIES = ['residentParent', 'visitingParent'] as const;
export type MeetingParty = (typeof MEETING_PARTIES)[number];

/** Who made a decision, or presented it (förvaltningslagen 31 §). */
export interface DecisionPerson {
  name: string;
  title: string;
}

/** The decision-maker and, where someone else presented the case, the presenter. */
export interface DecisionBy {
  decisionMaker?: DecisionPerson;
  presenter?: DecisionPerson;
}

export interface InitiateEvent {
  type: 'INITIATE';
  diaryNumber?: string;
}
export interface AppointSupporterEvent extends DecisionBy {
  type: 'APPOINT_SUPPORTER';
  supporterId: string;
  decidedAt: string;
}
/** A new decision naming another supporter while the assignment runs; the old one is released. */
export interface ReplaceSupporterEvent extends DecisionBy {
  type: 'REPLACE_SUPPORTER';
  supporterId: string;
  decidedAt: string;
  reason: string;
  /** The day the new supporter takes over (YYYY-MM-DD); the decision's day where not given. */
  takesOverOn?: string;
}
/** One parent's own meeting, planned instead of a joint one. */
export interface IndividualMeetingPlan {
  party: MeetingParty;
  meetingAt: string;
  place?: string;
}

export interface SendSummonsEvent {
  type: 'SEND_SUMMONS';
  /** The joint start-up meeting; absent where individual meetings are planned instead. */
  meetingAt?: string;
  /** Where the joint meeting is held. */
  place?: string;
  /** Each parent's own meeting, where the parents are met one at a time (from contactSupport@3). */
  individualMeetings?: IndividualMeetingPlan[];
  /** The Swedish calendar day the summons went out (the service fills in today where none is given). */
  sentOn?: string;
}
/** The meetings booked ahead besides the start-up meeting (routine step 9): at half time and at the end. */
export const BOOKED_MEETING_KINDS = ['midpointFollowUp', 'closing'] as const;
export type BookedMeetingKind = (typeof BOOKED_MEETING_KINDS)[number];

/** A follow-up or closing meeting booked, and its summons sent (from contactSupport@3). */
export interface BookMeetingEvent {
  type: 'BOOK_MEETING';
  kind: BookedMeetingKind;
  /** The joint meeting; absent where individual meetings are planned instead. */
  meetingAt?: string;
  place?: string;
  /** Each parent's own meeting, where the parents are met one at a time. */
  individualMeetings?: IndividualMeetingPlan[];
  /** The Swedish calendar day the summons went out (the service fills in today where none is given). */
  sentOn?: string;
}
export interface HoldStartupMeetingEvent {
  type: 'HOLD_STARTUP_MEETING';
  heldAt: string;
  enrollmentFormSigned: boolean;
  rulesAccepted: boolean;
  childInterviewConsent: boolean;
  /** The parent met alone at an individual meeting; absent for the joint meeting (from contactSupport@3). */
  party?: MeetingParty;
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
  /** Who called the visit off (cancelled), or who did not come (noShow). */
  cancelledBy?: CancelledBy;
  /** Why the visit did not take place. */
  absenceReason?: string;
  /** The child a stop, cancellation or absence concerns, by position among the case's children. */
  childPosition?: number;
}
export interface HoldFollowUpEvent {
  type: 'HOLD_FOLLOW_UP';
  heldAt: string;
  notes?: string;
  /** Who took part (parents, supporter, child), as the history records them. */
  participants?: string[];
}
export interface EndEarlyEvent extends DecisionBy {
  type: 'END_EARLY';
  reason: string;
  /** The day support ended (YYYY-MM-DD); the service fills in today where none is given. */
  endedOn?: string;
  reasonCategory?: EarlyEndCategory;
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
export interface ArchiveEvent extends DecisionBy {
  type: 'ARCHIVE';
  terminationDecidedAt: string;
}
/** The case system's diary number, recorded after the fact where the case had none (from contactSupport@3). */
export interface RecordDiaryNumberEvent {
  type: 'RECORD_DIARY_NUMBER';
  diaryNumber: string;
}

export type ClientEvent =
  | InitiateEvent
  | AppointSupporterEvent
  | ReplaceSupporterEvent
  | SendSummonsEvent
  | HoldStartupMeetingEvent
  | BookMeetingEvent
  | StartVisitsEvent
  | LogVisitEvent
  | HoldFollowUpEvent
  | EndEarlyEvent
  | HoldClosingMeetingEvent
  | SubmitEvaluationEvent
  | ArchiveEvent
  | RecordDiaryNumberEvent;

/** Sent by the deadline machinery when the law's clock says so. */
export type DeadlineEvent = { type: 'MIDPOINT_REACHED' } | { type: 'PERIOD_ENDED' };
/** Sent by the service when the first report on a held or stopped visit is filed. */
export interface VisitReportFiledEvent {
  type: 'VISIT_REPORT_FILED';
  /** The visit's occurredAt: which awaited report arrived. */
  occurredAt: string;
  /** Set where no report will ever come: why, as the secretary recorded it. The visit waits no longer. */
  waivedReason?: string;
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
  'BOOK_MEETING',
  'LOG_VISIT',
  'HOLD_FOLLOW_UP',
  'END_EARLY',
  'HOLD_CLOSING_MEETING',
  'SUBMIT_EVALUATION',
  'ARCHIVE',
  'RECORD_DIARY_NUMBER',
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
