import type {
  BookedMeetingKind,
  DecisionBy,
  EarlyEndCategory,
  MeetingParty,
  StopReason,
  VisitOutcome,
} from './case-events.js';

/** The judgment as registered: no personal data, which stays out of the machine. */
export interface Judgment {
  court: string;
  courtCaseNumber: string;
  judgmentDate: string;
  periodStart: string;
  /** The last day with support: the judgment's own, or one year from the start where it set none. */
  periodEnd: string;
  periodEndSetByCourt: boolean;
  evaluationRequested: boolean;
  /** The Swedish calendar day the judgment reached the unit, where it came before registration. */
  receivedAt?: string;
  /** Set when the secretary confirmed a period longer than the municipality's cap. */
  periodCapOverrideReason?: string;
}

export interface CaseInput {
  judgment: Judgment;
  registeredAt: string;
}

export interface LastVisit {
  occurredAt: string;
  outcome: VisitOutcome;
  stopReason?: StopReason;
}

/** One parent's own start-up meeting (from contactSupport@3). */
export interface IndividualMeeting {
  meetingAt: string;
  place?: string;
  heldAt?: string;
  enrollmentFormSigned?: boolean;
  rulesAccepted?: boolean;
}

/** A follow-up or closing meeting as booked, its summons sent (from contactSupport@3). */
export interface BookedMeeting {
  /** The joint meeting; absent where the parents are met one at a time. */
  meetingAt?: string;
  place?: string;
  /** When the booking was recorded. */
  bookedAt: string;
  /** The day the summons went out, as the secretary gave it. */
  sentOn?: string;
  /** Each parent's own meeting, where planned instead of a joint one. */
  individual?: Partial<Record<MeetingParty, { meetingAt: string; place?: string }>>;
}

export interface CaseContext {
  judgment: Judgment;
  registeredAt: string;
  diaryNumber?: string;
  initiatedAt?: string;
  supporter?: { supporterId: string; decidedAt: string; appointedAt: string; takesOverOn?: string } & DecisionBy;
  startupMeeting?: {
    /** The joint meeting; absent where the parents are met one at a time. */
    meetingAt?: string;
    place?: string;
    /** When the summons was recorded. */
    summonsSentAt: string;
    /** The day the summons went out, as the secretary gave it (from contactSupport@3). */
    sentOn?: string;
    /** Each parent's own meeting, where planned instead of a joint one (from contactSupport@3). */
    individual?: Partial<Record<MeetingParty, IndividualMeeting>>;
    heldAt?: string;
    enrollmentFormSigned?: boolean;
    rulesAccepted?: boolean;
    childInterviewConsent?: boolean;
  };
  visitsStartedAt?: string;
  documentCopiesSentAt?: string;
  visitCount: number;
  lastVisit?: LastVisit;
  /** When the latest logged visit took place: one logged late, older than that, leaves it (from contactSupport@3). */
  latestVisitAt?: string;
  /**
   * When each held or stopped visit still lacking a report took place (ISO instants). Optional
   * so snapshots stored before it existed stay valid: absent means none.
   */
  visitsAwaitingReport?: string[];
  /** The follow-up and closing meetings booked ahead (routine step 9); the latest booking of each counts. */
  meetings?: Partial<Record<BookedMeetingKind, BookedMeeting>>;
  midpointReachedAt?: string;
  midpointFollowUp?: { heldAt: string; notes?: string };
  closing?: {
    startedAt: string;
    cause: 'periodEnded' | 'periodEndedBeforeVisits' | 'endedEarly';
    earlyEndReason?: string;
    /** The day support ended early, and why in a category statistics count (from contactSupport@3). */
    endedOn?: string;
    earlyEndCategory?: EarlyEndCategory;
    meetingHeldAt?: string;
  } & DecisionBy;
  evaluation?: { sentToCourtAt: string };
  termination?: { decidedAt: string; archivedAt: string } & DecisionBy;
}
