import type { StopReason, VisitOutcome } from './case-events.js';

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

export interface CaseContext {
  judgment: Judgment;
  registeredAt: string;
  diaryNumber?: string;
  initiatedAt?: string;
  supporter?: { supporterId: string; decidedAt: string; appointedAt: string };
  startupMeeting?: {
    meetingAt: string;
    summonsSentAt: string;
    heldAt?: string;
    enrollmentFormSigned?: boolean;
    rulesAccepted?: boolean;
    childInterviewConsent?: boolean;
  };
  visitsStartedAt?: string;
  documentCopiesSentAt?: string;
  visitCount: number;
  lastVisit?: LastVisit;
  /**
   * When each held or stopped visit still lacking a report took place (ISO instants). Optional
   * so snapshots stored before it existed stay valid: absent means none.
   */
  visitsAwaitingReport?: string[];
  midpointReachedAt?: string;
  midpointFollowUp?: { heldAt: string; notes?: string };
  closing?: {
    startedAt: string;
    cause: 'periodEnded' | 'periodEndedBeforeVisits' | 'endedEarly';
    earlyEndReason?: string;
    meetingHeldAt?: string;
  };
  evaluation?: { sentToCourtAt: string };
  termination?: { decidedAt: string; archivedAt: string };
}
